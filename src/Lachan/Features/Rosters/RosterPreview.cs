namespace Lachan.Features.Rosters;

public sealed record ColumnMapping(int Index, string Letter, string Header, RosterField? Field);

public sealed record PreviewRow(int RowNumber, PlanKind Kind, int? WorkerId, string Cccd, string FullName, IReadOnlyList<FieldChange> Changes, bool MovesLodging, bool RecoveredLeadingZero);

/// <summary>What the user sees before anything is written (and what the CLI prints with --json).</summary>
public sealed record RosterPreview
{
    public string? Refused { get; init; }
    public object[]? RefusedArgs { get; init; }
    public int Rows { get; init; }
    public int Valid { get; init; }
    public int Errors { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Hired { get; init; }
    public int Left { get; init; }
    public int Moved { get; init; }
    public int Transfers { get; init; }
    public int RecoveredLeadingZeros { get; init; }
    public int DuplicatesInFile { get; init; }
    public bool ChangesNothing { get; init; }
    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];
    /// <summary>The first rows of each kind, with field-by-field differences for updates.</summary>
    public IReadOnlyList<PreviewRow> Samples { get; init; } = [];
    public IReadOnlyList<RowError> ErrorList { get; init; } = [];
    public IReadOnlyList<RowError> Warnings { get; init; } = [];
    public IReadOnlyList<LeavingWorker> Leaving { get; init; } = [];

    public const int SamplesPerKind = 10;
    public const int ErrorsShown = 500;

    /// <summary>A refused file; with the likeliest header row when there is one, so its columns can be mapped by hand.</summary>
    public static RosterPreview Refusal(string code, object[] args, HeaderMatch? header = null) =>
        new() { Refused = code, RefusedArgs = args, Columns = header is null ? [] : ColumnsOf(header) };

    private static List<ColumnMapping> ColumnsOf(HeaderMatch header) =>
        header.Headers.Select((h, i) => new ColumnMapping(i, RosterParser.Column(i), h,
            header.Columns.Where(c => c.Value == i).Select(c => (RosterField?)c.Key).FirstOrDefault())).Where(c => c.Header.Length > 0).ToList();

    /// <summary>A worker who is not the enterprise's own (employed elsewhere, or by no one) is outside the importer's
    /// jurisdiction: the row shows only what the file says, never the registry's values, id or differences (ADR-0014).</summary>
    public static bool OutsideImporter(PlanKind kind) => kind is PlanKind.Transfer or PlanKind.Rehire;

    private static PreviewRow Shown(PlannedRow r) => OutsideImporter(r.Kind)
        ? new PreviewRow(r.Row.RowNumber, r.Kind, null, r.Row.Cccd, r.Row.FullName, [], false, r.Row.RecoveredLeadingZero)
        : new PreviewRow(r.Row.RowNumber, r.Kind, r.WorkerId, r.Row.Cccd, r.Row.FullName, r.Changes, r.MovesLodging, r.Row.RecoveredLeadingZero);

    public static RosterPreview Of(RosterPlan plan)
    {
        var parsed = plan.Parsed;
        var header = parsed.Header;
        return new RosterPreview
        {
            Rows = parsed.DataRows,
            Valid = plan.Rows.Count,
            Errors = parsed.InvalidRows,
            Created = plan.Count(PlanKind.New),
            Updated = plan.Count(PlanKind.Update),
            Unchanged = plan.Count(PlanKind.Unchanged),
            Hired = plan.Hired,
            Left = plan.Leaving.Count,
            Moved = plan.MovedLodging,
            Transfers = plan.Count(PlanKind.Transfer),
            RecoveredLeadingZeros = parsed.RecoveredLeadingZeros,
            DuplicatesInFile = parsed.DuplicatesMerged,
            ChangesNothing = plan.ChangesNothing,
            Columns = ColumnsOf(header),
            Samples = plan.Rows.GroupBy(r => r.Kind).SelectMany(g => g.Take(SamplesPerKind))
                .Concat(plan.Rows.Where(r => r.MovesLodging && r.Kind is PlanKind.Unchanged).Take(SamplesPerKind))
                .Distinct()
                .Select(r => Shown(r))
                .ToList(),
            ErrorList = parsed.Errors.Take(ErrorsShown).ToList(),
            Warnings = plan.Warnings.Take(ErrorsShown).ToList(),
            Leaving = plan.Leaving.Take(SamplesPerKind * 5).ToList(),
        };
    }
}
