using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Support.Payments;

public sealed record BatchAnswer(int Id);
public sealed record ReturnAnswer(int Returned, int Failed, long Amount);
public sealed record ReturnRefusal(IReadOnlyList<ReturnError> Errors);

/// <summary>/api/v1/support/payments: batches from approved lists, bank files, bank returns and reconciliation.
/// The province (SupportPayments write) pays; districts and enterprises read their own batches.</summary>
public static class PaymentsApi
{
    public const long MaxReturnFileBytes = 20 * 1024 * 1024;

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/support/payments").WithTags("Support: payments").RequireArea(SupportAreas.Payments, Access.Read);

        g.MapGet("/batches", async (int? listId, Reconciliation rec, CancellationToken ct) => Results.Ok(await rec.ListAsync(listId, ct)))
            .WithSummary("The caller's payment batches (newest first, at most 500), optionally of one list.").Produces<List<BatchSummary>>();

        g.MapGet("/batches/{id:int}", async (int id, Reconciliation rec, CancellationToken ct) => await rec.BatchAsync(id, ct) is { } b ? Results.Ok(b) : Results.NotFound())
            .WithSummary("A batch reconciled: sent, returned, failed, paid (sent and not sent back) and pending amounts, and its lines; an audited view.")
            .Produces<BatchView>().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapGet("/layouts", async (BankFiles files, CancellationToken ct) => Results.Ok(await files.LayoutsAsync(ct)))
            .WithSummary("The bank file layouts (data: headers and fields per bank).").Produces<List<BankFileLayout>>();

        g.MapPost("/batches", async (BatchRequest request, PaymentBatches batches, SupportActor by, ProvinceCalendar calendar, ApiErrors errors, CancellationToken ct) => await batches.CreateAsync(by, calendar.Today, request, ct) switch
            {
                BatchResult.Created c => Results.Created($"/api/v1/support/payments/batches/{c.BatchId}", new BatchAnswer(c.BatchId)),
                BatchResult.AlreadyRecorded a => Results.Ok(new BatchAnswer(a.BatchId)),
                BatchResult.Invalid i => errors.Validation(i.Errors),
                _ => Results.NotFound(),
            })
            .RequireArea(SupportAreas.Payments, Access.Write)
            .WithSummary("Makes the payment batch of an approved list (idempotencyKey ≤ 64 characters, listId, channel Employer or WorkerAccount): every approval not yet paid, whole or not at all. 201 new; 200 with the same batch for a key seen before; 400 when already paid or nothing to pay.")
            .Produces<BatchAnswer>(StatusCodes.Status201Created).Produces<BatchAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/batches/{id:int}/export", async (int id, string? layout, string? format, BankFiles files, ApiErrors errors, HttpResponse response, CancellationToken ct) =>
            {
                if (!ListExport.TryParseFormat(format, out var f)) return errors.Validation(new FieldErrors { ["Format"] = "SupportPayments.FormatInvalid" });
                if (await files.ExportAsync(id, layout, ct) is not { } file) return Results.NotFound();
                await ListExport.WriteAsync(response, file.Stem, f, file.Rows, file.Columns, ct);
                return Results.Empty;
            })
            .RequireArea(SupportAreas.Payments, Access.Write)
            .WithSummary("The batch's bank file (format xlsx or csv, layout a bank layout's code, default 'default'); marks its pending lines sent.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        g.MapPost("/batches/{id:int}/returns", async (int id, IFormFile file, BankReturns returns, CancellationToken ct) =>
            {
                if (file.Length > MaxReturnFileBytes) return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge);
                var path = Path.GetTempFileName();
                try
                {
                    await using (var s = File.Create(path)) await file.CopyToAsync(s, ct);
                    return await returns.ApplyAsync(id, path, ct) switch
                    {
                        ReturnResult.Applied a => Results.Ok(new ReturnAnswer(a.Returned, a.Failed, a.Amount)),
                        ReturnResult.Refused r => Results.BadRequest(new ReturnRefusal(r.Errors)),
                        _ => Results.NotFound(),
                    };
                }
                finally
                {
                    File.Delete(path);
                }
            })
            .RequireArea(SupportAreas.Payments, Access.Write).DisableAntiforgery()
            .WithSummary("The bank's return file (csv/xlsx: reference, amount, status returned/failed, reason) applied all-or-nothing: any unknown, duplicated, mismatched or unsent row refuses the file with every row's reason and changes nothing.")
            .Accepts<IFormFile>("multipart/form-data").Produces<ReturnAnswer>().Produces<ReturnRefusal>(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
