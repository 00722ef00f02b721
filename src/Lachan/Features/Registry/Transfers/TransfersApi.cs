using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Transfers;

/// <summary>/api/v1/transfers: the reviewer's side of hires of people employed elsewhere (ADR-0014). Other roles are
/// refused (403); a request outside the reviewer's jurisdiction is not found.</summary>
public static class TransfersApi
{
    public sealed record RejectBody(string? Reason);

    public static void MapTransfersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/transfers").WithTags("Transfers");

        g.MapGet("/", async Task<Results<Ok<IReadOnlyList<TransferRow>>, ForbidHttpResult>> (TransferStatus? status, TransferReview review, CancellationToken ct) =>
                review.MayReview ? TypedResults.Ok(await review.ListAsync(status, ct)) : TypedResults.Forbid())
            .WithSummary("Transfer requests the caller may decide (status: Pending, Approved, Rejected); no personal data.");

        g.MapGet("/{id:int}", async Task<Results<Ok<TransferDetailData>, NotFound, ForbidHttpResult>> (int id, TransferReview review, CancellationToken ct) =>
            {
                if (!review.MayReview) return TypedResults.Forbid();
                return await review.LoadAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();
            })
            .WithSummary("One request: the registry's values beside the hiring side's. Audited as a view.");

        g.MapPost("/{id:int}/approve", async (int id, TransferReview review, ApiErrors errors, CancellationToken ct) =>
                !review.MayReview ? Results.Forbid() : Answer(await review.ApproveAsync(id, ct), errors))
            .WithSummary("Approve: the worker leaves the current employer and is hired by the requesting one.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);

        g.MapPost("/{id:int}/reject", async (int id, RejectBody body, TransferReview review, ApiErrors errors, CancellationToken ct) =>
                !review.MayReview ? Results.Forbid() : Answer(await review.RejectAsync(id, body.Reason, ct), errors))
            .WithSummary("Reject, with a reason (required).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);
    }

    private static IResult Answer(SaveResult result, ApiErrors errors) => result switch
    {
        SaveResult.Saved => Results.NoContent(),
        SaveResult.Invalid i => errors.Validation(i.Errors),
        _ => Results.NotFound(),
    };
}
