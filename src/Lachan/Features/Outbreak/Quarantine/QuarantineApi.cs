using Lachan.Infrastructure.Calendar;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Quarantine;

/// <summary>/api/v1/quarantine: the list as of a day, the due list and the release, the same handlers as the pages.</summary>
public static class QuarantineApi
{
    public static void MapQuarantineEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/").WithTags("Cases").RequireArea(OutbreakAreas.Health, Access.Read);
        g.MapGet("/quarantine", async (string? date, bool? all, int? pageNumber, int? pageSize, QuarantineList list, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var day)) return errors.Validation(QueryDate.Error("Date", date));
                return Results.Ok(await list.RunAsync(new QuarantineListQuery { Date = day, All = all ?? false, PageNumber = pageNumber, PageSize = pageSize }, ct));
            })
            .WithSummary("Quarantine orders as of a day (date: yyyy-MM-dd, default today): the people in quarantine on it (started on or before, not released on or before), or with all=true also those released by then; paged.")
            .Produces<Paged<QuarantineRow>>().ProducesValidationProblem();

        g.MapGet("/quarantine/due", async (string? date, int? testsPage, int? releasesPage, int? overduePage, int? pageSize, DueList due, ApiErrors errors,
                ProvinceCalendar calendar, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var on)) return errors.Validation(QueryDate.Error("Date", date));
                return Results.Ok(await due.ForAsync(on ?? calendar.Today, new DuePages(testsPage, releasesPage, overduePage, pageSize), ct));
            })
            .WithSummary("The day's list for the health teams (date=yyyy-MM-dd, default today): tests due, releases due, overdue; each section paged on its own (testsPage, releasesPage, overduePage; pageSize for all).")
            .Produces<DueListData>();

        g.MapPost("/quarantine/{id:int}/release", async (int id, ReleaseForm form, QuarantineRelease release, ApiErrors errors, CancellationToken ct) =>
                (await release.ReleaseAsync(id, form, ct)).Updated(errors))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("Release from quarantine with the negative result that allows it (testDate, result).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);
    }
}
