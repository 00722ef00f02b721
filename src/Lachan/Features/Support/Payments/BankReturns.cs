using System.Globalization;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Payments;

/// <summary>A row of a bank-return file refused, with its reason (a localization code and its text).</summary>
public sealed record ReturnError(int Row, string? Reference, string Code, string Message);

public abstract record ReturnResult
{
    public sealed record Applied(int Returned, int Failed, long Amount) : ReturnResult;
    /// <summary>Some rows are wrong: each says why, and nothing was changed.</summary>
    public sealed record Refused(IReadOnlyList<ReturnError> Errors) : ReturnResult;
    public sealed record NotFound : ReturnResult;
}

/// <summary>The bank's file of payments it could not make (columns: reference, amount, status "returned"/"failed" or
/// "hoàn trả"/"lỗi", reason), applied to a batch all-or-nothing: an unknown, duplicated or mismatched row, or one not
/// sent, refuses the whole file with every row's reason, so a half-applied return never needs untangling.</summary>
public sealed class BankReturns(LachanDb db, AuditLog audit, PaymentScope scope, ProvinceCalendar calendar, UiText text)
{
    private enum Column { Reference, Amount, Status, Reason }

    private static readonly HeaderNames<Column> Headers = new(
        (Column.Reference, ["mã tham chiếu", "stt tham chiếu", "reference", "ref"]),
        (Column.Amount, ["số tiền", "số tiền (đồng)", "amount"]),
        (Column.Status, ["trạng thái", "status"]),
        (Column.Reason, ["lý do", "reason"]));

    public async Task<ReturnResult> ApplyAsync(int batchId, string path, CancellationToken ct)
    {
        if (!scope.CanWrite) return new ReturnResult.NotFound();
        var batch = await scope.Batches(db.Set<PaymentBatch>()).Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return new ReturnResult.NotFound();
        List<string?[]> records;
        try
        {
            records = [.. TabularFileReader.Read(path).Take(100_001)];
        }
        catch (TabularFileException e)
        {
            return Refuse(0, null, e.Code);
        }
        if (records.Count == 0) return Refuse(0, null, "SupportPayments.ReturnEmpty");
        // the bank's title lines above the header are skipped, as in every importer
        var header = SheetHeaders.Find(records, Headers.Recognise);
        int Col(Column c) => header is not null && header.Columns.TryGetValue(c, out var i) ? i : -1;
        var (refCol, amountCol, statusCol, reasonCol) = (Col(Column.Reference), Col(Column.Amount), Col(Column.Status), Col(Column.Reason));
        if (header is null || refCol < 0 || amountCol < 0 || statusCol < 0) return Refuse((header?.RowIndex ?? 0) + 1, null, "SupportPayments.ReturnHeaders");
        if (header.Duplicate is not null) return Refuse(header.RowIndex + 1, null, "SupportPayments.ReturnDuplicateHeader");

        var errors = new List<ReturnError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<(PaymentLine Line, PaymentStatus Status, string? Reason)>();
        var byBatchRef = batch.Channel == PaymentChannel.Employer;
        for (var i = header.RowIndex + 1; i < records.Count; i++)
        {
            var r = records[i];
            string? Cell(int c) => c >= 0 && c < r.Length ? r[c]?.Trim() : null;
            var rowNo = i + 1;
            var reference = Cell(refCol);
            if (string.IsNullOrEmpty(reference) && r.All(string.IsNullOrWhiteSpace)) continue;
            void Error(string code, params object[] args) => errors.Add(new ReturnError(rowNo, reference, code, text[code, args]));
            if (string.IsNullOrEmpty(reference)) { Error("SupportPayments.ReturnNoReference"); continue; }
            if (seen.TryGetValue(reference, out var first)) { Error("SupportPayments.ReturnDuplicate", first); continue; }
            seen[reference] = rowNo;
            var lines = byBatchRef
                ? (string.Equals(reference, batch.Reference, StringComparison.OrdinalIgnoreCase) ? batch.Lines.Where(l => l.Status != PaymentStatus.Pending).ToList() : [])
                : batch.Lines.Where(l => string.Equals(l.Reference, reference, StringComparison.OrdinalIgnoreCase)).ToList();
            if (lines.Count == 0) { Error("SupportPayments.ReturnUnknown"); continue; }
            if (lines.Any(l => l.Status != PaymentStatus.Sent))
            {
                Error(lines.Any(l => l.Status is PaymentStatus.Returned or PaymentStatus.Failed) ? "SupportPayments.ReturnAlready" : "SupportPayments.ReturnNotSent");
                continue;
            }
            var expected = lines.Sum(l => l.Amount);
            if (!long.TryParse(Cell(amountCol)?.Replace(".", "").Replace(",", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount != expected)
            {
                Error("SupportPayments.ReturnAmountMismatch", RowReasonsMoney(expected));
                continue;
            }
            var status = Status(Cell(statusCol));
            if (status is null) { Error("SupportPayments.ReturnStatus"); continue; }
            changes.AddRange(lines.Select(l => (l, status.Value, Cell(reasonCol))));
        }
        if (errors.Count > 0) return new ReturnResult.Refused(errors);
        if (changes.Count == 0) return Refuse(0, null, "SupportPayments.ReturnEmpty");
        var today = calendar.Today;
        foreach (var (line, status, reason) in changes)
        {
            line.Status = status;
            line.ReturnedOn = today;
            line.ReturnReason = string.IsNullOrWhiteSpace(reason) ? null : reason[..Math.Min(reason.Length, 500)];
        }
        audit.Record("return", nameof(PaymentBatch), batch.Id, after: new
        {
            Lines = changes.Select(c => new { c.Line.Reference, Status = c.Status.ToString(), c.Line.Amount }),
        });
        // one save: every returned line and the audit event
        await db.SaveChangesAsync(ct);
        return new ReturnResult.Applied(changes.Count(c => c.Status == PaymentStatus.Returned), changes.Count(c => c.Status == PaymentStatus.Failed), changes.Sum(c => c.Line.Amount));
    }

    private ReturnResult.Refused Refuse(int row, string? reference, string code) => new([new ReturnError(row, reference, code, text[code])]);

    private static string RowReasonsMoney(long amount) => Lists.RowReasons.Money(amount);

    private static PaymentStatus? Status(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "returned" or "hoàn trả" or "hoan tra" or "trả lại" => PaymentStatus.Returned,
        "failed" or "lỗi" or "loi" or "thất bại" => PaymentStatus.Failed,
        _ => null,
    };
}
