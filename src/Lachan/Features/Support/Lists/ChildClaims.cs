using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lachan.Features.Support.Lists;

/// <summary>A child under six whose supplement a row was given (its personal identification number, as the employer's
/// list names it). Kept only for the children paid for, and deleted when the list is refused or the row withdrawn (which
/// frees the children), so the unique index on (policy, period, child) makes a second claim impossible, whichever
/// process tries it.</summary>
public sealed class ChildClaim
{
    public long Id { get; set; }
    public int RowId { get; set; }
    public SupportListRow? Row { get; set; }
    public string PolicyCode { get; set; } = "";
    public DateOnly PeriodKey { get; set; }
    /// <summary>Personal data: never in a URL or a log, masked wherever it is shown.</summary>
    public string ChildId { get; set; } = "";
}

internal sealed class ChildClaimConfiguration : IEntityTypeConfiguration<ChildClaim>
{
    public void Configure(EntityTypeBuilder<ChildClaim> e)
    {
        e.ToTable("SupportChildClaims");
        e.Property(x => x.PolicyCode).HasMaxLength(32);
        e.Property(x => x.ChildId).HasMaxLength(12);
        e.HasIndex(x => new { x.PolicyCode, x.PeriodKey, x.ChildId }).IsUnique();
        e.HasOne(x => x.Row).WithMany().HasForeignKey(x => x.RowId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One parent claims a child (DOMAIN.md §6, Resolution 68/NQ-CP: "+1,000,000 per child under 6 (one parent)";
/// the meals policy's children supplement likewise): a child named on a row of the same policy and period — on another
/// list not refused, on a row not withdrawn, or on an earlier row of the same file — is not paid for again. The row
/// keeps its other children's supplement and says which child was claimed already (masked) and where.</summary>
public static class ChildClaims
{
    /// <summary>The rows checked (ListChecks) with their children already claimed paid for no more and said so: what the
    /// import writes and `support check` prints.</summary>
    public static async Task<(IReadOnlyList<CheckedRow> Rows, IReadOnlyDictionary<int, List<string>> Paid)> CheckAsync(
        LachanDb db, ListChecks checks, ListTarget target, IReadOnlyList<RowInput> rows, CancellationToken ct)
    {
        var (claimed, findings, paid) = await ApplyAsync(db, target, rows, ct);
        var checkedRows = (await checks.CheckAsync(target, claimed, null, ct))
            .Select(c => findings.TryGetValue(c.Input.RowNo, out var f) ? c with { Reasons = [.. c.Reasons, .. f] } : c).ToList();
        return (checkedRows, paid);
    }

    /// <summary>The rows with the children already claimed taken off their count (so the checks pay no supplement for
    /// them), each row's findings, and the children each row is paid for.</summary>
    public static async Task<(IReadOnlyList<RowInput> Rows, IReadOnlyDictionary<int, List<RowReason>> Findings, IReadOnlyDictionary<int, List<string>> Paid)> ApplyAsync(
        LachanDb db, ListTarget target, IReadOnlyList<RowInput> rows, CancellationToken ct)
    {
        var named = rows.Where(r => r.ChildIds is { Count: > 0 }).SelectMany(r => r.ChildIds!).Distinct().ToList();
        var findings = new Dictionary<int, List<RowReason>>();
        var paid = new Dictionary<int, List<string>>();
        if (named.Count == 0) return (rows, findings, paid);
        var (code, key) = (target.Policy.Code, target.PeriodKey);
        var claimed = new Dictionary<string, int>();
        foreach (var chunk in named.Chunk(1000))
            foreach (var c in await db.Set<ChildClaim>().AsNoTracking()
                         .Where(c => c.PolicyCode == code && c.PeriodKey == key && chunk.Contains(c.ChildId) && !c.Row!.Withdrawn)
                         .Join(db.Set<SupportList>(), c => c.Row!.SupportListId, l => l.Id, (c, l) => new { c.ChildId, ListId = l.Id, l.State })
                         .Where(x => x.State != ListState.Refused).ToListAsync(ct))
                claimed.TryAdd(c.ChildId, c.ListId);
        var inFile = new Dictionary<string, int>();
        var result = new List<RowInput>(rows.Count);
        foreach (var row in rows)
        {
            if (row.ChildIds is not { Count: > 0 } ids)
            {
                result.Add(row);
                continue;
            }
            var mine = new List<string>();
            foreach (var id in ids)
            {
                if (claimed.TryGetValue(id, out var listId)) Add(findings, row.RowNo, RowReasons.ChildClaimed(Masked(id), listId, null));
                else if (inFile.TryGetValue(id, out var rowNo)) Add(findings, row.RowNo, RowReasons.ChildClaimed(Masked(id), null, rowNo));
                else
                {
                    inFile[id] = row.RowNo;
                    mine.Add(id);
                }
            }
            paid[row.RowNo] = mine;
            result.Add(row with { ChildrenUnder6 = mine.Count });
        }
        return (result, findings, paid);
    }

    /// <summary>Frees the children of a list refused, or of its rows withdrawn: their claims are deleted in the step's own
    /// save, so another list may claim them — and only then, the unique index being the guarantee.</summary>
    public static async Task FreeAsync(LachanDb db, SupportList list, CancellationToken ct)
    {
        var rows = list.Rows.Where(r => list.State == ListState.Refused || r.Withdrawn).Select(r => r.Id).ToList();
        if (rows.Count == 0) return;
        db.RemoveRange(await db.Set<ChildClaim>().Where(c => rows.Contains(c.RowId)).ToListAsync(ct));
    }

    /// <summary>The last three digits only: enough for the employer to find the child on its own list.</summary>
    private static string Masked(string childId) => new string('•', childId.Length - 3) + childId[^3..];

    private static void Add(Dictionary<int, List<RowReason>> findings, int rowNo, RowReason reason) =>
        (findings.TryGetValue(rowNo, out var l) ? l : findings[rowNo] = []).Add(reason);
}
