using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

public sealed record InsuranceRow(int RowNo, bool Insured);
public sealed record InsuranceForm(IReadOnlyList<InsuranceRow> Rows);
public sealed record DecisionForm(string? DecisionNo);
public sealed record RefusalForm(string? Reason);
public sealed record DisputeForm(int? RowNo, string? Text);
public sealed record ResolutionForm(string? Resolution, bool RemoveRow);
public sealed record CandidatesForm(string? Month);
public sealed record HolidayForm(DateOnly Day, string? Name, string? Source);

/// <summary>/api/v1/support/lists: the worklists and the steps of the review chain. Reading needs the SupportLists
/// area; each step is written by its own desk (ListScope.MayAct) — another desk gets 403, a list outside the caller's
/// jurisdiction 404, a step the list is not ready for 400 with the reason, a list moved meanwhile 409.</summary>
public static class ListsApi
{
    public static RouteGroupBuilder MapListEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/support/lists").WithTags("Support: lists").RequireArea(SupportAreas.Lists, Access.Read);

        g.MapGet("/", async (string? state, bool? mine, bool? overdue, ListQueries lists, ApiErrors errors, CancellationToken ct) =>
                state is not null && !Enum.TryParse<ListState>(state, true, out _) ? errors.Validation(new FieldErrors { ["State"] = "SupportList.StateInvalid" })
                : Results.Ok(await lists.WorklistAsync(state is null ? null : Enum.Parse<ListState>(state, true), mine ?? false, overdue ?? false, ct)))
            .WithSummary("The caller's lists (jurisdiction), at most 500, soonest due first: state (Draft, Posted, Submitted, InsuranceConfirmed, Appraised, Approved, Refused), mine=true for those whose next step is the caller's desk, overdue=true for those past their step's deadline (working days).")
            .Produces<List<ListSummary>>().ProducesValidationProblem();

        g.MapGet("/{id:int}", async (int id, ListQueries lists, CancellationToken ct) => await lists.ListAsync(id, ct) is { } l ? Results.Ok(l) : Results.NotFound())
            .WithSummary("One list with its rows (CCCD, name, amounts, verdict and reasons) and disputes; an audited view.")
            .Produces<ListView>().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapGet("/{id:int}/decision.pdf", async (int id, ListQueries lists, CancellationToken ct) =>
                await lists.DecisionPdfAsync(id, ct) is { } file ? Results.File(file.Pdf, "application/pdf", file.FileName) : Results.NotFound())
            .WithSummary("The province's decision on the list (approval with number, date, workers and amount; or the refusal and its reasons) as a pdf.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/", async (BuildRequest request, ListBuilder builder, ApiErrors errors, CancellationToken ct) => Built(await builder.FromRosterAsync(request, ct), errors))
            .RequireArea(SupportAreas.Lists, Access.Write)
            .WithSummary("HR builds the draft list for a policy (policyCode, e.g. QD08-G1) and month (MM/yyyy) from its enterprise's roster (taxCode): every worker employed there in the month, each checked against the rules and every earlier list and approval.")
            .Produces<BuiltAnswer>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/import", async ([FromForm] string? policyCode, [FromForm] string? taxCode, [FromForm] string? month, IFormFile? file, ListBuilder builder,
                ApiErrors errors, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return errors.Validation(new FieldErrors { ["File"] = "SupportList.FileRequired" });
                if (file.Length > MaxFileBytes) return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge);
                var path = Path.GetTempFileName();
                try
                {
                    await using (var s = File.Create(path)) await file.CopyToAsync(s, ct);
                    return Built(await builder.FromFileAsync(new BuildRequest(policyCode, taxCode, month), path, ct), errors);
                }
                finally
                {
                    File.Delete(path);
                }
            })
            .RequireArea(SupportAreas.Lists, Access.Write).DisableAntiforgery() // bearer-token clients, as the roster upload
            .WithSummary("HR imports its list (xlsx/csv with a CCCD column; name, amount asked, bank account, bank, pregnant, children under six and their personal identification numbers — Mã định danh của con, 12 digits each, comma-separated, as many as the children — optional; a child claimed already under the policy period on another list gets no second supplement) for a policy and month: all rows or none; a bad row refuses the file with every row's error.")
            .Accepts<IFormFile>("multipart/form-data").Produces<BuiltAnswer>(StatusCodes.Status201Created).Produces<FileRefusal>(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/candidates", async (CandidatesForm form, ListCandidates candidates, ApiErrors errors, CancellationToken ct) =>
                ListBuilder.ParseMonth(form.Month) is not { } month ? errors.Validation(new FieldErrors { ["Month"] = "SupportList.MonthInvalid" })
                : await candidates.DraftAsync(month, ct) is { } drafted ? Results.Ok(drafted)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this desk's step"))
            .RequireArea(SupportAreas.Lists, Access.Write)
            .WithSummary("Drafts the lists events call for in a month (MM/yyyy): work stoppage (NQ68-STOPPAGE) for each enterprise an order stopped at least the policy's days, F0/F1 meals (NQ68-MEALS) for each enterprise with workers treated or quarantined; HR's own enterprise, or the province's for the steering committee. An enterprise with a list of the policy period already is skipped.")
            .Produces<List<Drafted>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var w = g.MapGroup("/{id:int}").RequireArea(SupportAreas.Lists, Access.Write);
        Step(w.MapPost("/post", (int id, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.PostAsync(by, calendar.Today, id, ct), errors))
            .WithSummary("HR posts the draft for the public notice (at least the notice's working days before it can be submitted)."));
        Step(w.MapPost("/submit", (int id, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.SubmitAsync(by, calendar.Today, id, ct), errors))
            .WithSummary("HR submits the list to social insurance, after the notice and with every dispute resolved."));
        Step(w.MapPost("/insurance", (int id, InsuranceForm form, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) =>
                form.Rows.GroupBy(r => r.RowNo).Any(x => x.Count() > 1) ? Task.FromResult(errors.Validation(new FieldErrors { ["Rows"] = "SupportList.InsuranceRowsMismatch" }))
                : Answer(chain.ConfirmInsuranceAsync(by, calendar.Today, id, form.Rows.ToDictionary(r => r.RowNo, r => r.Insured), ct), errors))
            .WithSummary("Social insurance confirms, for every row (rowNo, insured), whether the worker was on the compulsory insurance list in the month before."));
        Step(w.MapPost("/appraise", (int id, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.AppraiseAsync(by, calendar.Today, id, ct), errors))
            .WithSummary("The district appraises the list and sends it to the province."));
        Step(w.MapPost("/approve", (int id, DecisionForm form, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.ApproveAsync(by, calendar.Today, id, form.DecisionNo, ct), errors))
            .WithSummary("The province approves under a decision number: one approval per eligible, insured worker; a worker already approved for the policy period elsewhere is left out with the reason. 409 when the list was approved already (also by another process)."));
        Step(w.MapPost("/refuse", (int id, RefusalForm form, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.RefuseAsync(by, calendar.Today, id, form.Reason, ct), errors))
            .WithSummary("The desk whose step the list waits for refuses it in writing, with reasons."));
        Step(w.MapPost("/disputes", (int id, DisputeForm form, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => Answer(chain.DisputeAsync(by, calendar.Today, id, form.RowNo, form.Text, ct), errors))
            .WithSummary("HR records a dispute raised during the public notice (about a row, or the list)."));
        Step(w.MapPost("/disputes/{disputeId:int}/resolve", (int id, int disputeId, ResolutionForm form, ListChain chain, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) =>
                Answer(chain.ResolveAsync(by, calendar.Today, id, disputeId, form.Resolution, form.RemoveRow, ct), errors))
            .WithSummary("HR resolves a dispute; removeRow takes the disputed row off the list."));

        var h = api.MapGroup("/support/holidays").WithTags("Support: lists");
        h.MapGet("/", async (int? year, HolidayCalendar holidays, CancellationToken ct) => Results.Ok(await holidays.ListAsync(year, ct)))
            .RequireArea(SupportAreas.Lists, Access.Read)
            .WithSummary("The public holidays the chain's working days skip (optionally of one year).").Produces<List<PublicHoliday>>();
        h.MapPost("/", async (HolidayForm form, HolidayCalendar holidays, ApiErrors errors, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 100 ? errors.Validation(new FieldErrors { ["Name"] = "Holiday.NameRequired" })
                : await holidays.AddAsync(form.Day, form.Name, form.Source, ct) ? Results.Created($"/api/v1/support/holidays?year={form.Day.Year}", null)
                : errors.Validation(new FieldErrors { ["Day"] = "Holiday.Exists" }))
            .RequireArea(AdminAreas.Users, Access.Write)
            .WithSummary("An administrator adds a day off (day yyyy-MM-dd, name, source: the notice that announced it).")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public const long MaxFileBytes = 50 * 1024 * 1024;

    public sealed record BuiltAnswer(int Id, int Rows, int Eligible);
    public sealed record FileRefusal(IReadOnlyList<FileError> Errors);

    private static IResult Built(BuildResult result, ApiErrors errors) => result switch
    {
        BuildResult.Created c => Results.Created($"/api/v1/support/lists/{c.ListId}", new BuiltAnswer(c.ListId, c.Rows, c.Eligible)),
        BuildResult.Invalid i => errors.Validation(i.Errors),
        BuildResult.FileRefused f => Results.BadRequest(new FileRefusal(f.Errors)),
        _ => Results.NotFound(),
    };

    private static RouteHandlerBuilder Step(RouteHandlerBuilder b) =>
        b.Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Answer(Task<ChainResult> step, ApiErrors errors) => await step switch
    {
        ChainResult.Done => Results.NoContent(),
        ChainResult.NotYourStep => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this desk's step"),
        ChainResult.Refused { Conflict: true } r => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: r.Errors.Values.First(),
            extensions: new Dictionary<string, object?> { ["codes"] = r.Errors }),
        ChainResult.Refused r => errors.Validation(r.Errors),
        _ => Results.NotFound(),
    };
}
