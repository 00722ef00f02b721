using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Payments;

/// <summary>One row of a bank file: a worker's payment, or a batch paid to the employer in one transfer.</summary>
public sealed record BankRow(string Reference, string PayeeName, string? Account, string? Bank, long Amount, string? Cccd, string Content);

public sealed record BankFile(string Stem, IReadOnlyList<BankRow> Rows, IReadOnlyList<ListExport.Column<BankRow>> Columns);

/// <summary>The bank file of a batch in the layout the bank asks for (a <see cref="BankFileLayout"/>, data). Exporting
/// marks the batch's pending lines sent, with an audit event; exporting again gives the same file without the lines the
/// bank already returned.</summary>
public sealed class BankFiles(LachanDb db, AuditLog audit, PaymentScope scope, Lachan.Infrastructure.Calendar.ProvinceCalendar calendar)
{
    public Task<List<BankFileLayout>> LayoutsAsync(CancellationToken ct) => db.Set<BankFileLayout>().AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);

    /// <summary>Null when the batch is not the caller's to pay or the layout does not exist.</summary>
    public async Task<BankFile?> ExportAsync(int batchId, string? layoutCode, CancellationToken ct)
    {
        if (!scope.CanWrite) return null;
        var code = string.IsNullOrWhiteSpace(layoutCode) ? "default" : layoutCode.Trim();
        var layout = await db.Set<BankFileLayout>().AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, ct);
        var batch = await scope.Batches(db.Set<PaymentBatch>()).Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (layout is null || batch is null) return null;
        var content = $"Ho tro {batch.PolicyCode} DS{batch.SupportListId}";
        var live = batch.Lines.Where(l => l.Status is PaymentStatus.Pending or PaymentStatus.Sent).OrderBy(l => l.Id).ToList();
        IReadOnlyList<BankRow> rows = batch.Channel == PaymentChannel.Employer
            ? [new BankRow(batch.Reference, live.FirstOrDefault()?.PayeeName ?? "", null, null, live.Sum(l => l.Amount), null, content)]
            : [.. live.Select(l => new BankRow(l.Reference, l.PayeeName, l.Account, l.Bank, l.Amount, l.Cccd, content))];
        foreach (var line in live) line.Status = PaymentStatus.Sent;
        batch.ExportedOn ??= calendar.Today;
        audit.Record("export", nameof(PaymentBatch), batch.Id, after: new { Layout = layout.Code, Rows = rows.Count, Amount = rows.Sum(r => r.Amount) });
        await db.SaveChangesAsync(ct);
        return new BankFile($"chi-tra-{batch.Reference}", rows, Columns(layout));
    }

    public static IReadOnlyList<ListExport.Column<BankRow>> Columns(BankFileLayout layout) =>
    [
        .. layout.ColumnsSpec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var (header, field) = (part[..part.IndexOf('=')].Trim(), part[(part.IndexOf('=') + 1)..].Trim());
            return new ListExport.Column<BankRow>(header, field switch
            {
                BankFields.Reference => r => r.Reference,
                BankFields.PayeeName => r => r.PayeeName,
                BankFields.Account => r => r.Account,
                BankFields.Bank => r => r.Bank,
                BankFields.Amount => r => r.Amount,
                BankFields.Cccd => r => r.Cccd,
                BankFields.Content => r => r.Content,
                _ => throw new InvalidOperationException($"Bank file layout {layout.Code}: unknown field {field}"),
            });
        }),
    ];
}
