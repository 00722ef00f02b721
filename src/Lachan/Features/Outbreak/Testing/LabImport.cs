using System.Globalization;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>A problem in a lab file: the sheet row (1 = the header) and the column.</summary>
public sealed record LabImportError(int Row, string Column, string Code);

public abstract record LabImportResult
{
    public sealed record Applied(int Count) : LabImportResult;
    public sealed record Refused(IReadOnlyList<LabImportError> Errors) : LabImportResult;
}

/// <summary>A lab's result sheet (columns: sample code, result, result date; a header row first), read as the roster
/// files are (xlsx or csv, with their size and zip-bomb guards). All or nothing: one wrong row and nothing is saved.</summary>
public sealed class LabImport(LachanDb db, TestingScope testing, AuditLog audit)
{
    public const int MaxRows = 20_000;

    public sealed record Line(int Row, string Code, TestResult Result, DateOnly On);

    public static TestResult? ParseResult(string? text) => VietnameseText.SearchKey(text?.Trim() ?? "") switch
    {
        "am tinh" or "am" or "negative" or "neg" or "-" => TestResult.Negative,
        "duong tinh" or "duong" or "positive" or "pos" or "+" => TestResult.Positive,
        _ => null,
    };

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The rows of the sheet as lines, or the problems of each row; the header row is skipped.</summary>
    public static (List<Line> Lines, List<LabImportError> Errors) Parse(IEnumerable<string?[]> rows)
    {
        var lines = new List<Line>();
        var errors = new List<LabImportError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var row = 0;
        foreach (var cells in rows)
        {
            row++;
            if (row == 1) continue;
            string? Cell(int i) => i < cells.Length ? cells[i]?.Trim() : null;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (row > MaxRows + 1) { errors.Add(new(row, "", "LabImport.TooManyRows")); break; }
            var code = Cell(0);
            var ok = true;
            if (string.IsNullOrEmpty(code)) { errors.Add(new(row, "A", "Field.Required")); ok = false; }
            else if (!seen.Add(code)) { errors.Add(new(row, "A", "LabImport.DuplicateCode")); ok = false; }
            var result = ParseResult(Cell(1));
            if (result is null) { errors.Add(new(row, "B", "LabImport.UnknownResult")); ok = false; }
            DateOnly on = default;
            if (!DateOnly.TryParseExact(Cell(2), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            { errors.Add(new(row, "C", "Date.Format")); ok = false; }
            if (ok) lines.Add(new(row, code!, result!.Value, on));
        }
        if (row <= 1) errors.Add(new(1, "", "LabImport.NoRows"));
        return (lines, errors);
    }

    public async Task<LabImportResult> ImportAsync(IEnumerable<string?[]> rows, CancellationToken ct = default)
    {
        var (lines, errors) = Parse(rows);
        if (lines.Count == 0 && errors.Count == 0) errors.Add(new(1, "", "LabImport.NoRows"));
        var codes = lines.Select(l => l.Code).ToList();
        var samples = codes.Count == 0 ? [] : await testing.Samples().Include(s => s.Members).Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        foreach (var l in lines)
        {
            if (!samples.TryGetValue(l.Code, out var sample)) { errors.Add(new(l.Row, "A", "LabImport.UnknownSample")); continue; }
            try { sample.SetResult(l.Result, l.On); }
            catch (Lachan.Infrastructure.DomainException e) { errors.Add(new(l.Row, e.Code == "Testing.ResultBeforeCollection" ? "C" : "B", e.Code)); }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();   // nothing of a refused file is kept
            return new LabImportResult.Refused([.. errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal)]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record("import-results", nameof(TestSample), null, null, new { Count = lines.Count, Results = lines.Select(l => new { l.Code, Result = l.Result.ToString(), l.On }) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new LabImportResult.Applied(lines.Count);
    }
}
