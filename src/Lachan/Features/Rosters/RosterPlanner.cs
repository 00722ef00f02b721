using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

public enum PlanKind { New, Update, Unchanged, Rehire, Transfer }

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>What committing one row would do to the registry.</summary>
public sealed record PlannedRow(RosterRow Row, PlanKind Kind, int? WorkerId, IReadOnlyList<FieldChange> Changes,
    int? LodgingHouseId, bool MovesLodging, int? FromEnterpriseId)
{
    /// <summary>The registry's current lodging house of a known worker: a move's previous house.</summary>
    public int? CurrentLodgingHouseId { get; init; }
}

public sealed record LeavingWorker(int WorkerId, string Cccd, string FullName);

public sealed record RosterPlan(int EnterpriseId, DateOnly AsOf, ParsedRoster Parsed, IReadOnlyList<PlannedRow> Rows,
    IReadOnlyList<LeavingWorker> Leaving, IReadOnlyList<RowError> Warnings)
{
    public int Count(PlanKind kind) => Rows.Count(r => r.Kind == kind);
    public int Hired => Count(PlanKind.New) + Count(PlanKind.Rehire);
    public int MovedLodging => Rows.Count(r => r.MovesLodging && r.Kind != PlanKind.Transfer);
    /// <summary>Workers of transfer rows already sent for review to this enterprise and still pending.</summary>
    public IReadOnlySet<int> AlreadyAsked { get; init; } = new HashSet<int>();
    /// <summary>True when committing would write nothing: the registry already says what the file says. A transfer not
    /// yet asked is news: committing sends it for review (ADR-0014).</summary>
    public bool ChangesNothing => Leaving.Count == 0 && MovedLodging == 0
        && Rows.All(r => r.Kind is PlanKind.Unchanged || (r.Kind is PlanKind.Transfer && AlreadyAsked.Contains(r.WorkerId!.Value)));
}

/// <summary>Derives movement from a roster: it is the enterprise's workforce on the as-of date. New CCCDs are hires,
/// missing ones have left, changed lodging is a move, someone still employed elsewhere is a transfer to review.</summary>
public sealed class RosterPlanner(LachanDb db)
{
    private sealed record Known(int Id, string Cccd, string FullName, Sex Sex, DateOnly DateOfBirth, string? Cmnd, string? Bhxh,
        string? Phone, string? PermanentAddress, int? CurrentEnterpriseId, int? CurrentLodgingHouseId);

    private const int HashJoinFrom = 5_000;

    /// <summary>The warning of a row that is not written: a new person without a birth date.</summary>
    public const string NotAdded = "Roster.NewNeedsBirthDate";

    public async Task<RosterPlan> PlanAsync(int enterpriseId, DateOnly asOf, ParsedRoster parsed, CancellationToken ct = default)
    {
        var known = new Dictionary<string, Known>(parsed.Rows.Count);
        var wanted = parsed.Rows.Select(r => r.Cccd).ToHashSet();
        // Only the columns compared: a whole Worker (with its three empty lists) per registry row was most of a plan's time.
        IQueryable<Known> Of(IQueryable<Worker> workers) => workers.Select(w => new Known(w.Id, w.Cccd, w.FullName, w.Sex, w.DateOfBirth,
            w.Cmnd, w.BhxhNumber, w.Phone, w.PermanentAddress, w.CurrentEnterpriseId, w.CurrentLodgingHouseId));
        // A big roster is matched in one pass over the registry (a hash join); a small one by index lookups.
        var candidates = wanted.Count > HashJoinFrom
            ? Of(db.Set<Worker>()).AsAsyncEnumerable()
            : wanted.Chunk(2_000).ToAsyncEnumerable().SelectMany(chunk => Of(db.Set<Worker>().Where(w => chunk.Contains(w.Cccd))).AsAsyncEnumerable());
        await foreach (var w in candidates.WithCancellation(ct))
            if (wanted.Contains(w.Cccd))
                known[w.Cccd] = w;

        var lodging = await LodgingIndex.LoadAsync(db, ct);
        var warnings = new List<RowError>();
        var rows = new List<PlannedRow>(parsed.Rows.Count);
        var lodgingColumn = parsed.Header.Columns.TryGetValue(RosterField.Lodging, out var lc) ? parsed.Header.Headers[lc] : null;
        foreach (var row in parsed.Rows)
        {
            int? lodgingId = null;
            if (row.Lodging is { } text && (lodgingId = lodging.Find(text)) is null)
                warnings.Add(new RowError(row.RowNumber, lodgingColumn, "Roster.LodgingUnknown", text));
            if (!known.TryGetValue(row.Cccd, out var k))
            {
                if (row.DateOfBirth is null)
                {
                    warnings.Add(new RowError(row.RowNumber, null, NotAdded));
                    continue;
                }
                rows.Add(new PlannedRow(row, PlanKind.New, null, [], lodgingId, lodgingId is not null, null));
                continue;
            }
            var changes = Diff(k, row);
            var moves = lodgingId is not null && lodgingId != k.CurrentLodgingHouseId;
            var kind = k.CurrentEnterpriseId == enterpriseId ? (changes.Count > 0 ? PlanKind.Update : PlanKind.Unchanged)
                : k.CurrentEnterpriseId is null ? PlanKind.Rehire
                : PlanKind.Transfer;
            rows.Add(new PlannedRow(row, kind, k.Id, changes, lodgingId, moves, k.CurrentEnterpriseId == enterpriseId ? null : k.CurrentEnterpriseId)
                { CurrentLodgingHouseId = k.CurrentLodgingHouseId });
        }

        var inFile = parsed.Rows.Select(r => r.Cccd).Concat(parsed.RefusedCccds).ToHashSet();
        // A file none of whose rows could be read states no one, so it says nothing about who has left: without this,
        // a file of errors would take the enterprise's whole workforce off its payroll.
        var leaving = parsed.Rows.Count == 0 ? [] : (await db.Set<Worker>().AsNoTracking().Where(w => w.CurrentEnterpriseId == enterpriseId)
                .Select(w => new LeavingWorker(w.Id, w.Cccd, w.FullName)).ToListAsync(ct))
            .Where(w => !inFile.Contains(w.Cccd)).ToList();
        var transfers = rows.Where(r => r.Kind == PlanKind.Transfer).Select(r => r.WorkerId!.Value).ToList();
        var asked = transfers.Count == 0 ? [] : await db.Set<Registry.Contracts.TransferRequest>()
            .Where(t => t.ToEnterpriseId == enterpriseId && t.Status == Registry.Contracts.TransferStatus.Pending).Select(t => t.WorkerId).ToHashSetAsync(ct);
        return new RosterPlan(enterpriseId, asOf, parsed, rows, leaving, warnings) { AlreadyAsked = asked };
    }

    /// <summary>Fields the roster states differently. A blank cell says nothing, so it never erases a known value.</summary>
    private static List<FieldChange> Diff(Known k, RosterRow r)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (after is not null && after != before) changes.Add(new FieldChange(field, before, after));
        }
        Compare("FullName", k.FullName, r.FullName);
        Compare("Sex", k.Sex.ToString(), r.Sex?.ToString());
        Compare("DateOfBirth", UiText.Date(k.DateOfBirth), r.DateOfBirth is { } d ? UiText.Date(d) : null);
        Compare("Cmnd", k.Cmnd, r.Cmnd);
        Compare("BhxhNumber", k.Bhxh, r.Bhxh);
        Compare("Phone", k.Phone, r.Phone);
        Compare("PermanentAddress", k.PermanentAddress, r.PermanentAddress);
        return changes;
    }
}

/// <summary>Matches the free-text "Nơi ở hiện tại" of a roster to a lodging house by its name or its address.</summary>
public sealed class LodgingIndex
{
    private readonly Dictionary<string, int> byKey = [];

    public static async Task<LodgingIndex> LoadAsync(LachanDb db, CancellationToken ct)
    {
        var index = new LodgingIndex();
        foreach (var l in await db.Set<LodgingHouse>().AsNoTracking().Select(l => new { l.Id, l.NameSearch, l.Address }).ToListAsync(ct))
        {
            var address = VietnameseText.SearchKey(l.Address);
            index.Add(l.NameSearch, l.Id);
            index.Add(address, l.Id);
            index.Add(l.NameSearch + ", " + address, l.Id);
        }
        return index;
    }

    /// <summary>A key two houses share (two "Nhà trọ Minh Anh") identifies neither.</summary>
    private void Add(string key, int id)
    {
        if (!byKey.TryAdd(key, id) && byKey[key] != id) byKey[key] = Ambiguous;
    }

    private const int Ambiguous = -1;

    // A roster names the same few hundred lodging houses thousands of times: each text is keyed once.
    private readonly Dictionary<string, int?> found = new(StringComparer.Ordinal);
    private const int FoundLimit = 100_000;

    public int? Find(string text)
    {
        if (found.TryGetValue(text, out var known)) return known;
        int? result = byKey.TryGetValue(VietnameseText.SearchKey(text), out var id) && id != Ambiguous ? id : null;
        if (found.Count < FoundLimit) found[text] = result;
        return result;
    }
}
