using Lachan.Infrastructure;
using System.Globalization;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Localization;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Calendar;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>/api/v1/samples and /api/v1/screening: the same handlers as the pages. A role without the Health area gets
/// 403; a sample or enterprise outside the user's jurisdiction is 404.</summary>
public static class TestingApi
{
    public static void MapTestingEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/").WithTags("Testing").RequireArea(OutbreakAreas.Health, Access.Read);

        g.MapGet("/samples", async (string? date, string? resultOn, TestResult? result, int? pageNumber, int? pageSize, SampleList list, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var collected)) return errors.Validation(QueryDate.Error("Date", date));
                if (!QueryDate.TryParse(resultOn, out var resulted)) return errors.Validation(QueryDate.Error("ResultOn", resultOn));
                return Results.Ok(await list.RunAsync(new SampleListQuery { Date = collected, ResultOn = resulted, Result = result, PageNumber = pageNumber, PageSize = pageSize }, ct));
            })
            .WithSummary("Samples, newest first: collected on date, with a result dated resultOn (both yyyy-MM-dd), of a result (Pending, Negative, Positive); paged.")
            .Produces<Paged<SampleRow>>().ProducesValidationProblem();

        g.MapPost("/samples", async (SampleForm form, SampleEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.CreateAsync(form, ct)).Created(errors, id => $"/api/v1/samples/{id}"))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("A single or pooled sample: code, pooled, collectedAt (local time at the site), site, members (CCCDs; 2..the pool size in force for a pool).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapPost("/samples/{id:int}/result", async (int id, ResultForm form, SampleEditor editor, ApiErrors errors, CancellationToken ct) =>
                (await editor.SetResultAsync(id, form, ct)).Updated(errors))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("Enter a sample's result (Negative or Positive) and its date; once.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);

        g.MapPost("/samples/results/import", async (IFormFile? file, LabImport import, UiText text, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["Field.Required"]] });
                var path = Path.GetTempFileName();
                try
                {
                    await using (var target = File.Create(path)) await file.CopyToAsync(target, ct);
                    IReadOnlyList<string?[]> rows;
                    try { rows = [.. TabularFileReader.Read(path).Take(LabImport.MaxRows + 2)]; }
                    catch (TabularFileException e) { return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text[e.Code]] }); }
                    return await import.ImportAsync(rows, ct) switch
                    {
                        LabImportResult.Applied a => Results.Ok(new { applied = a.Count }),
                        LabImportResult.Refused r => Results.ValidationProblem(
                            new Dictionary<string, string[]> { ["rows"] = [.. r.Errors.Select(e => $"{e.Row}{(e.Column.Length > 0 ? " " + e.Column : "")}: {text[e.Code]}")] },
                            extensions: new Dictionary<string, object?> { ["errors"] = r.Errors }),
                        _ => Results.StatusCode(500),
                    };
                }
                finally { File.Delete(path); }
            })
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .DisableAntiforgery() // bearer-token clients; a browser cannot send this cross-site without a preflight
            .WithSummary("A lab's result sheet (xlsx or csv; header row, then sample code, result Âm tính/Dương tính, result date dd/mm/yyyy). All or nothing; errors name the row.")
            .ProducesValidationProblem();

        g.MapGet("/samples/retest", async (RetestList retest, CancellationToken ct) =>
                Results.Ok(await retest.LoadAsync(ct)))
            .WithSummary("Members of positive pools without an individual sample collected since the pool.")
            .Produces<IReadOnlyList<RetestRow>>();

        g.MapPost("/screening-schedules", async (ScheduleForm form, ScreeningSchedules schedules, ApiErrors errors, CancellationToken ct) =>
                (await schedules.CreateAsync(form, ct)).Created(errors, id => $"/api/v1/screening-schedules/{id}"))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("A periodic screening schedule for an enterprise: from, optional to (last day), optional intervalDays (default: the screening rule in force on from).")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapGet("/screening/due", async (string? date, int? enterpriseId, ScreeningSchedules schedules, ApiErrors errors, ProvinceCalendar calendar, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var on)) return errors.Validation(QueryDate.Error("Date", date));
                return Results.Ok(await schedules.DueAsync(on ?? calendar.Today, enterpriseId, ct));
            })
            .WithSummary("Workers due for screening on the date (yyyy-MM-dd, default today) at enterprises with a schedule in force; missed = due for a whole interval or more.")
            .Produces<ScreeningDueData>();
    }
}
