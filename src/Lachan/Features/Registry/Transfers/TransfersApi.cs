using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Workers;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lachan.Features.Registry.Transfers;

/// <summary>/api/v1/transfers: the reviewer's side of hires of people employed elsewhere (ADR-0014). Other roles are
/// refused (403); a request outside the reviewer's jurisdiction is not found.</summary>
public static class TransfersApi
{
    public sealed record RejectBody(string? Reason);

    public static void MapTransfersApi(this RouteGroupBuilder api)
    {
        // reviewing is writing to the Transfers area (the zone boards and steering committee; not enterprise HR)
        var g = api.MapGroup("/transfers").WithTags("Transfers").RequireArea(RegistryAreas.Transfers, Access.Write);

        g.MapGet("/", async Task<Ok<IReadOnlyList<TransferRow>>> (TransferStatus? status, TransferReview review, CancellationToken ct) =>
                TypedResults.Ok(await review.ListAsync(status, ct)))
            .WithSummary("Transfer requests the caller may decide (status: Pending, Approved, Rejected); no personal data.");

        g.MapGet("/{id:int}", async Task<Results<Ok<TransferDetailData>, NotFound>> (int id, TransferReview review, CancellationToken ct) =>
                await review.LoadAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound())
            .WithSummary("One request: the registry's values beside the hiring side's. Audited as a view.");

        g.MapPost("/{id:int}/approve", async (int id, TransferReview review, ApiErrors errors, CancellationToken ct) =>
                (await review.ApproveAsync(id, ct)).Updated(errors))
            .WithSummary("Approve: the worker leaves the current employer and is hired by the requesting one.")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);

        g.MapPost("/{id:int}/reject", async (int id, RejectBody body, TransferReview review, ApiErrors errors, CancellationToken ct) =>
                (await review.RejectAsync(id, body.Reason, ct)).Updated(errors))
            .WithSummary("Reject, with a reason (required).")
            .ProducesValidationProblem().Produces(StatusCodes.Status204NoContent);
    }
}
