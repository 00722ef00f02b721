using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Overview;

/// <summary>/api/v1/support/flags and /api/v1/support/workers/{id}/received: the flags worklist and one worker's view
/// across programmes, for the SupportLists area's readers, each in its jurisdiction.</summary>
public static class OverviewApi
{
    public static RouteGroupBuilder MapSupportOverview(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/support").WithTags("Support: overview").RequireArea(SupportAreas.Lists, Access.Read);
        g.MapGet("/flags", async (int? page, string? kind, SupportFlags flags, ApiErrors errors, CancellationToken ct) =>
                kind is not null && !Kinds.Contains(kind) ? errors.Validation(new FieldErrors { ["Kind"] = "SupportFlags.KindInvalid" })
                : Results.Ok(await flags.PageAsync(page ?? 1, kind, ct)))
            .WithSummary("What breaks the rules on the caller's lists, 50 a page: the same worker on two employers' lists for one policy period (two-employers), an amount over what the policy gives (over-cap), a payment without a valid approval (payment-without-approval), a worker paid twice for one period (paid-twice). Each names the worker by masked CCCD, name and id, and the lists and batches involved.")
            .Produces<FlagPage>().ProducesValidationProblem();
        g.MapGet("/workers/{id:int}/received", async (int id, WorkerOverview overview, CancellationToken ct) =>
                await overview.ForAsync(id, ct) is { } received ? Results.Ok(received) : Results.NotFound())
            .WithSummary("What the worker received across programmes: in cash (each policy's list, approval, payment, return, with days) and in kind (relief deliveries). A worker outside the caller's jurisdiction is not found. Audited.")
            .Produces<WorkerReceived>().Produces(StatusCodes.Status404NotFound);
        return api;
    }

    private static readonly string[] Kinds = [FlagKinds.TwoEmployers, FlagKinds.OverCap, FlagKinds.PaymentWithoutApproval, FlagKinds.PaidTwice];
}
