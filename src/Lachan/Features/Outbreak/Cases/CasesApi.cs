using Lachan.Infrastructure;
using System.Globalization;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>/api/v1/cases: the same handlers as the pages. A role without the Health area gets
/// 403; a case outside the user's jurisdiction is 404.</summary>
public static class CasesApi
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/").WithTags("Cases").RequireArea(OutbreakAreas.Health, Access.Read);

        // the dates as text, parsed here: a bad one is a validation problem naming the field, not a bare 400
        g.MapGet("/cases", async (string? date, CaseOutcome? outcome, string? from, string? to, int? enterpriseId, int? pageNumber, int? pageSize,
                CaseList list, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var asOf)) return errors.Validation(QueryDate.Error("Date", date));
                if (!QueryDate.TryParse(from, out var fromDay)) return errors.Validation(QueryDate.Error("From", from));
                if (!QueryDate.TryParse(to, out var toDay)) return errors.Validation(QueryDate.Error("To", to));
                return Results.Ok(await list.RunAsync(new CaseListQuery
                {
                    Date = asOf, Outcome = outcome, From = fromDay, To = toDay, EnterpriseId = enterpriseId, PageNumber = pageNumber, PageSize = pageSize,
                }, ct));
            })
            .WithSummary("Cases (F0) as of a day (date: yyyy-MM-dd, default today; later cases and outcomes are not there yet) by outcome on that day, confirmation date range (from, to: yyyy-MM-dd) and enterprise; paged.")
            .Produces<Paged<CaseRow>>().ProducesValidationProblem();

        g.MapPost("/cases", async (CaseForm form, CaseEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.RegisterAsync(form, ct)).Created(errors, id => $"/api/v1/cases/{id}"))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("Register a confirmed case by the CCCD of a registered worker, or with the identity of a new person.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapGet("/cases/{id:int}", async (int id, CaseDetail detail, CancellationToken ct) =>
                await detail.LoadAsync(id, ct) is { } c ? Results.Ok(c) : Results.NotFound())
            .WithSummary("One case with its contacts and their quarantine orders. Audited as a view of health data.")
            .Produces<CaseData>();
    }
}
