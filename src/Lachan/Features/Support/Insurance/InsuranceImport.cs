using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Insurance;

/// <summary>A problem with one cell: the file's row number (1 = the first line), the column and a message code.</summary>
public sealed record ImportProblem(int Row, string Field, string Code);

/// <summary>What an import did: rows read, months recorded (new) and already known, or the problems that stopped it.</summary>
public sealed record ImportOutcome(int Rows, int Recorded, int AlreadyKnown, IReadOnlyList<ImportProblem> Problems, string? Refused = null)
{
    public bool Ok => Refused is null && Problems.Count == 0;
}

/// <summary>Social insurance's monthly file (xlsx or csv): per row a worker (CCCD or BHXH number), a month (MM/yyyy) and
/// the employer's tax code. The header row is found among the first rows by its names, in any column order, as the
/// roster importer does; every row is checked before anything is written, and one bad row writes nothing (each problem
/// names the row and the column). A month already recorded is not written twice.</summary>
public sealed class InsuranceImport(LachanDb db, Jurisdiction scope, AuditLog audit)
{
    private const int IdsInQuery = 2000;
    public const int MaxRows = 500_000;

    public enum Column { Cccd, Bhxh, Month, TaxCode }

    private static readonly HeaderNames<Column> Headers = new(
        (Column.Cccd, ["so cccd", "cccd", "cccd/cmnd", "so cccd/cmnd", "so dinh danh", "so dinh danh ca nhan", "citizen id", "cccd number"]),
        (Column.Bhxh, ["ma so bhxh", "so so bhxh", "ma bhxh", "so bhxh", "social insurance number", "bhxh number"]),
        (Column.Month, ["thang", "thang dong", "thang tham gia", "ky dong", "month"]),
        (Column.TaxCode, ["ma so thue", "mst", "ma so thue don vi", "ma so thue doanh nghiep", "tax code", "enterprise tax code"]));

    public bool CanWrite => scope.Can(SupportAreas.Insurance, Access.Write);
    public bool CanRead => scope.Can(SupportAreas.Insurance, Access.Read);

    public async Task<ImportOutcome> ImportAsync(string path, string fileName, CancellationToken ct)
    {
        if (!CanWrite) throw new InvalidOperationException("Only social insurance records insurance months.");
        List<string?[]> rows;
        try { rows = TabularFileReader.Read(path).Take(MaxRows + SheetHeaders.RowsToScan + 1).ToList(); }
        catch (TabularFileException e) { return new(0, 0, 0, [], e.Code); }

        // the header needs a worker id (CCCD or BHXH number), a month and a tax code, each once
        if (SheetHeaders.Find(rows, Headers.Recognise) is not { } header || !header.Columns.ContainsKey(Column.Month) || !header.Columns.ContainsKey(Column.TaxCode)
            || !(header.Columns.ContainsKey(Column.Cccd) || header.Columns.ContainsKey(Column.Bhxh)))
            return new(0, 0, 0, [], "Support.Insurance.NoHeader");
        if (header.Duplicate is not null) return new(0, 0, 0, [], "Support.Insurance.DuplicateHeader");
        var (headerRow, columns) = (header.RowIndex, header.Columns);
        var data = rows.Skip(headerRow + 1).Select((r, i) => (Row: headerRow + 2 + i, Cells: r))
            .Where(x => x.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count > MaxRows) return new(data.Count, 0, 0, [], "Support.Insurance.TooManyRows");

        string? Cell(string?[] r, Column c) => columns.TryGetValue(c, out var i) && i < r.Length ? r[i]?.Trim() : null;
        var parsed = data.Select(x => (x.Row, Cccd: Cell(x.Cells, Column.Cccd), Bhxh: Cell(x.Cells, Column.Bhxh), Month: Month(Cell(x.Cells, Column.Month)),
            MonthText: Cell(x.Cells, Column.Month), Tax: Cell(x.Cells, Column.TaxCode))).ToList();

        var workers = await WorkerIdsAsync(parsed.Select(p => p.Cccd).OfType<string>().ToList(), parsed.Select(p => p.Bhxh).OfType<string>().ToList(), ct);
        var taxCodes = parsed.Select(p => p.Tax).OfType<string>().Distinct().ToList();
        var province = scope.Scope;
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => taxCodes.Contains(e.TaxCode) && (province == null || e.ProvinceCode == province)).ToDictionaryAsync(e => e.TaxCode, e => e.Id, ct);

        var problems = new List<ImportProblem>();
        var wanted = new HashSet<(int Worker, DateOnly Month, int Enterprise)>();
        foreach (var p in parsed)
        {
            int? worker = null;
            if (string.IsNullOrEmpty(p.Cccd) && string.IsNullOrEmpty(p.Bhxh)) problems.Add(new(p.Row, Column.Cccd.ToString(), "Field.Required"));
            else if (!string.IsNullOrEmpty(p.Cccd) && Registry.Contracts.Cccd.Validate(p.Cccd).Error is { } invalid) problems.Add(new(p.Row, Column.Cccd.ToString(), invalid));
            else if (p.Cccd is { Length: > 0 } c ? workers.ByCccd.TryGetValue(c, out var id) : workers.ByBhxh.TryGetValue(p.Bhxh!, out id)) worker = id;
            else problems.Add(new(p.Row, string.IsNullOrEmpty(p.Cccd) ? Column.Bhxh.ToString() : Column.Cccd.ToString(), "Support.Insurance.UnknownWorker"));
            if (p.Month is null) problems.Add(new(p.Row, Column.Month.ToString(), string.IsNullOrEmpty(p.MonthText) ? "Field.Required" : "Support.Insurance.BadMonth"));
            int? enterprise = null;
            if (string.IsNullOrEmpty(p.Tax)) problems.Add(new(p.Row, Column.TaxCode.ToString(), "Field.Required"));
            else if (enterprises.TryGetValue(p.Tax, out var e)) enterprise = e;
            else problems.Add(new(p.Row, Column.TaxCode.ToString(), "Support.Insurance.UnknownEnterprise"));
            if (worker is { } w && p.Month is { } m && enterprise is { } en) wanted.Add((w, m, en));
        }
        if (problems.Count > 0) return new(data.Count, 0, 0, problems);

        var (first, last) = wanted.Count == 0 ? (default, default) : (wanted.Min(x => x.Month), wanted.Max(x => x.Month));
        var ids = wanted.Select(x => x.Worker).Distinct().ToList();
        var existing = db.Set<InsuredMonth>().AsNoTracking().Where(m => m.Month >= first && m.Month <= last);
        if (ids.Count <= IdsInQuery) existing = existing.Where(m => ids.Contains(m.WorkerId));
        var known = (await existing.Select(m => new { m.WorkerId, m.Month, m.EnterpriseId }).ToListAsync(ct))
            .Select(m => (m.WorkerId, m.Month, m.EnterpriseId)).ToHashSet();
        var fresh = wanted.Where(x => !known.Contains(x)).Select(x => new InsuredMonth { WorkerId = x.Worker, Month = x.Month, EnterpriseId = x.Enterprise }).ToList();
        db.AddRange(fresh);
        // the rows and the audit event in one transaction: both or neither
        await audit.SaveThenRecordAsync("import", nameof(InsuredMonth), () => fileName, null,
            () => new { File = fileName, Rows = data.Count, Recorded = fresh.Count, AlreadyKnown = wanted.Count - fresh.Count, From = first, To = last }, ct);
        return new(data.Count, fresh.Count, wanted.Count - fresh.Count, []);
    }

    /// <summary>"05/2021", "5/2021", "2021-05", or a spreadsheet date (its month).</summary>
    internal static DateOnly? Month(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["MM/yyyy", "M/yyyy", "yyyy-MM", "MM-yyyy", "M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100
            ? new DateOnly(d.Year, d.Month, 1) : null;
    }

    private async Task<(Dictionary<string, int> ByCccd, Dictionary<string, int> ByBhxh)> WorkerIdsAsync(List<string> cccds, List<string> bhxhs, CancellationToken ct)
    {
        // social insurance of a province records that province's workers: anyone else is "not in the registry"
        var province = scope.Scope;
        var query = db.Set<Worker>().AsNoTracking().Where(w => province == null || w.ProvinceCode == province);
        // a few ids go to the database; a province's file is matched against every worker here
        if (cccds.Count + bhxhs.Count <= IdsInQuery)
            query = query.Where(w => cccds.Contains(w.Cccd) || (w.BhxhNumber != null && bhxhs.Contains(w.BhxhNumber)));
        var all = await query.Select(w => new { w.Id, w.Cccd, w.BhxhNumber }).ToListAsync(ct);
        return (all.ToDictionary(w => w.Cccd, w => w.Id),
            all.Where(w => w.BhxhNumber != null).GroupBy(w => w.BhxhNumber!).ToDictionary(g => g.Key, g => g.First().Id));
    }

    /// <summary>Months recorded, newest first, with how many workers each: what the page shows.</summary>
    public async Task<List<(DateOnly Month, int Workers)>> SummaryAsync(CancellationToken ct) =>
        (await db.Set<InsuredMonth>().AsNoTracking().GroupBy(m => m.Month).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Key).Take(24).ToListAsync(ct)).Select(x => (x.Key, x.Count)).ToList();
}
