using Lachan.Infrastructure;
using System.Globalization;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>/api/v1/cases and /api/v1/quarantine: the same handlers as the pages. A role without the Health area gets
/// 403; a case outside the user's jurisdiction is 404.</summary>
public static class CasesApi
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/").WithTags("Cases");

        // the dates as text, parsed here: a bad one is a validation problem naming the field, not a bare 400
        g.MapGet("/cases", async (CaseOutcome? outcome, string? from, string? to, int? enterpriseId, int? pageNumber, int? pageSize,
                CaseList list, CaseScope cases, ApiErrors errors, CancellationToken ct) =>
            {
                if (!cases.CanRead) return Results.Forbid();
                if (!QueryDate.TryParse(from, out var fromDay)) return errors.Validation(QueryDate.Error("From", from));
                if (!QueryDate.TryParse(to, out var toDay)) return errors.Validation(QueryDate.Error("To", to));
                return Results.Ok(await list.RunAsync(new CaseListQuery
                {
                    Outcome = outcome, From = fromDay, To = toDay, EnterpriseId = enterpriseId, PageNumber = pageNumber, PageSize = pageSize,
                }, ct));
            })
            .WithSummary("Cases (F0) by outcome, confirmation date range (from, to: yyyy-MM-dd) and enterprise; paged.")
            .Produces<Paged<CaseRow>>().ProducesValidationProblem();

        g.MapPost("/cases", async (CaseForm form, CaseEditor editor, CaseScope cases, ApiErrors errors, CancellationToken ct) =>
                !cases.CanWrite ? Results.Forbid() : await editor.RegisterAsync(form, ct) switch
                {
                    SaveResult.Saved s => Results.Created($"/api/v1/cases/{s.Id}", new { id = s.Id }),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Register a confirmed case by the CCCD of a registered worker, or with the identity of a new person.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapGet("/cases/{id:int}", async (int id, CaseDetail detail, CaseScope cases, CancellationToken ct) =>
                !cases.CanRead ? Results.Forbid() : await detail.LoadAsync(id, ct) is { } c ? Results.Ok(c) : Results.NotFound())
            .WithSummary("One case with its contacts and their quarantine orders. Audited as a view of health data.")
            .Produces<CaseData>();

        g.MapGet("/cases/{id:int}/suggestions", async (int id, int? sourceContactId, ContactSuggestions suggestions, CaseScope cases, CancellationToken ct) =>
                !cases.CanRead ? Results.Forbid() : await suggestions.ForAsync(id, sourceContactId, ct) is { } s ? Results.Ok(s) : Results.NotFound())
            .WithSummary("Suggested F1 for the case (or F2 for the confirmed F1 sourceContactId): same workshop, enterprise, room, lodging house.")
            .Produces<Suggestions>();

        g.MapPost("/cases/{id:int}/contacts", async (int id, ContactDecision decision, ContactDecisions decisions, CaseScope cases, ApiErrors errors, CancellationToken ct) =>
                !cases.CanWrite ? Results.Forbid() : Answer(await decisions.ConfirmAsync(id, decision, ct), errors, id))
            .WithSummary("Confirm a contact (by workerId or cccd); orders quarantine by the rule in force on the start date.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapPost("/cases/{id:int}/contacts/dismiss", async (int id, ContactDecision decision, ContactDecisions decisions, CaseScope cases, ApiErrors errors, CancellationToken ct) =>
                !cases.CanWrite ? Results.Forbid() : Answer(await decisions.DismissAsync(id, decision, ct), errors, id))
            .WithSummary("Dismiss a suggested contact; it is not suggested again for this case.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapGet("/quarantine/due", async (string? date, DueList due, CaseScope cases, ApiErrors errors, ProvinceCalendar calendar, CancellationToken ct) =>
            {
                if (!cases.CanRead) return Results.Forbid();
                DateOnly on = calendar.Today;
                if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
                    return errors.Validation(new FieldErrors { ["Date"] = "Date.Format" });
                return Results.Ok(await due.ForAsync(on, ct));
            })
            .WithSummary("The day's list for the health teams: tests due, releases due, overdue (date=yyyy-MM-dd, default today).")
            .Produces<DueListData>();

        g.MapPost("/quarantine/{id:int}/release", async (int id, ReleaseForm form, QuarantineRelease release, CaseScope cases, ApiErrors errors, CancellationToken ct) =>
                !cases.CanWrite ? Results.Forbid() : await release.ReleaseAsync(id, form, ct) switch
                {
                    SaveResult.Saved => Results.NoContent(),
                    SaveResult.Invalid i => errors.Validation(i.Errors),
                    _ => Results.NotFound(),
                })
            .WithSummary("Release from quarantine with the negative result that allows it (testDate, result).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);
    }

    private static IResult Answer(SaveResult result, ApiErrors errors, int caseId) => result switch
    {
        SaveResult.Saved s => Results.Created($"/api/v1/cases/{caseId}", new { id = s.Id }),
        SaveResult.Invalid i => errors.Validation(i.Errors),
        _ => Results.NotFound(),
    };
}
