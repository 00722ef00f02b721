using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Support.Policies;

/// <summary>A policy's values in one version, as the API gives them (money in whole đồng).</summary>
public sealed record PolicyVersionAnswer(int Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForce, string Source,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly? RentFrom, DateOnly? RentTo, DateOnly? ContractBefore, DateOnly? ContractFrom,
    DateOnly? ContractTo, IReadOnlyList<string> ContractKinds, int MinContractMonths, bool InsuredMonthBefore, bool RequiresIzEmployer,
    int? MinDays, long Amount, int? UpperTierDays, long? UpperTierAmount, int? MaxDays, int? MaxDaysCase, int? MaxMonths,
    int? ListDeadlineDay, int? UnemploymentInsuredMonths, long? PregnancySupplement, long? ChildSupplement)
{
    public static PolicyVersionAnswer Of(SupportPolicyVersion v, DateOnly today) => new(v.Id, v.EffectiveFrom, v.EffectiveTo, v.InForceOn(today),
        v.Source, v.PeriodFrom, v.PeriodTo, v.RentFrom, v.RentTo, v.ContractBefore, v.ContractFrom, v.ContractTo,
        [.. v.AllowedContracts.Select(c => c.ToString())], v.MinContractMonths, v.InsuredMonthBefore, v.RequiresIzEmployer, v.MinDays, v.Amount,
        v.UpperTierDays, v.UpperTierAmount, v.MaxDays, v.MaxDaysCase, v.MaxMonths, v.ListDeadlineDay, v.UnemploymentInsuredMonths,
        v.PregnancySupplement, v.ChildSupplement);
}

/// <summary>One policy: its stable code, names, legal basis, employer form, kind and current values.</summary>
public sealed record PolicyAnswer(string Code, string NameVi, string NameEn, string LegalBasis, string? EmployerForm, string Kind,
    bool PerEnterprise, PolicyVersionAnswer? Current, int Versions);

public static class PoliciesApi
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/support/policies", async (PolicyVersions policies, ProvinceCalendar calendar, CancellationToken ct) =>
            {
                var today = calendar.Today;
                return TypedResults.Ok((await policies.ListAsync(ct)).Select(p => new PolicyAnswer(p.Code, p.NameVi, p.NameEn, p.LegalBasis,
                    p.EmployerForm, p.Kind.ToString(), p.PerEnterprise, PolicyVersions.Current(p, today) is { } v ? PolicyVersionAnswer.Of(v, today) : null,
                    p.Versions.Count)).ToList());
            })
            .WithTags("Support").RequireArea(SupportAreas.Policies, Access.Read)
            .WithSummary("The support policies (QD08-G1, QD08-G2, NQ68-SUSPEND, NQ68-STOPPAGE, NQ68-TERMINATED, NQ68-MEALS, NQ68-HOUSEHOLD and the province's own), each with its stable `code`, names, legal basis, employer form and the values of its current version (in force today, else the latest started, else the first to come): period, conditions, amounts in whole đồng.")
            .Produces<List<PolicyAnswer>>().ProducesProblem(StatusCodes.Status403Forbidden);

        // the page's service (PolicyVersions.AddAsync): the same checks, the same audit event, nothing of the rule twice
        api.MapPost("/support/policies/{code}/versions", async (string code, PolicyVersionInput version, PolicyVersions policies, ApiErrors errors, CancellationToken ct) =>
                (await policies.AddAsync(code, version, ct)).Created(errors, _ => "/api/v1/support/policies"))
            .WithTags("Support").RequireArea(SupportAreas.Policies, Access.Write)
            .WithSummary("The province changes a policy (code, e.g. NQ68-MEALS) by a new version from a day (effectiveFrom, today or later and after every earlier version's first day): the version in force then ends the day before. Every value as text, as on the policy's page: dates dd/MM/yyyy (or yyyy-MM-dd), amounts in whole đồng (\"3.500.000\" or \"3500000\"), contractKinds as names; a value left out is empty, so send the current values (GET /api/v1/support/policies) with what changes. Audited. 400 names each bad field in the caller's language.")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
