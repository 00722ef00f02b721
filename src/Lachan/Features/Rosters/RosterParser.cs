using Lachan.Features.Registry.Model;
using Lachan.Features.Registry.Rules;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Rosters;

/// <summary>One valid roster row, normalised. RowNumber is the spreadsheet's own row number (1-based).</summary>
public sealed record RosterRow(int RowNumber, string Cccd, string FullName, Sex? Sex, DateOnly? DateOfBirth, string? Cmnd,
    string? Bhxh, string? Phone, string? PermanentAddress, string? Lodging, DateOnly? HiredOn, ContractType? Contract,
    string? Workshop, bool RecoveredLeadingZero)
{
    /// <summary>Everything the row states: two rows with the same content are the same person stated twice, even when
    /// one typed the CCCD as text and the other as a number that lost its leading zero.</summary>
    public bool SameContentAs(RosterRow other) =>
        this with { RowNumber = 0, RecoveredLeadingZero = false } == other with { RowNumber = 0, RecoveredLeadingZero = false };
}

/// <summary>An error tied to a row and a column header (null when it concerns the whole row).</summary>
public sealed record RowError(int RowNumber, string? Column, string Code, string? Value = null);

public sealed record ParsedRoster(HeaderMatch Header, IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowError> Errors,
    int DataRows, int DuplicatesMerged, int RecoveredLeadingZeros)
{
    public int InvalidRows => Errors.Select(e => e.RowNumber).Distinct().Count();
    /// <summary>Each row merged into an earlier identical one, with that row's number (for the full report).</summary>
    public IReadOnlyList<(int Row, int SameAs)> MergedRows { get; init; } = [];
    /// <summary>CCCDs read from refused rows (an error in another field, conflicting duplicates): those people are on
    /// the roster, so they have not left, though nothing else is taken from their rows.</summary>
    public IReadOnlySet<string> RefusedCccds { get; init; } = new HashSet<string>();
}

/// <summary>Reads, normalises and de-duplicates a roster's rows. Pure: no database, so every rule is unit-tested.</summary>
public static class RosterParser
{
    public const int MaxErrorsKept = 10_000;

    public abstract record Result
    {
        public sealed record Ok(ParsedRoster Roster) : Result;
        public sealed record Refused(string Code, params object[] Args) : Result
        {
            /// <summary>The likeliest header row of a file refused for want of a CCCD or name column, to map by hand.</summary>
            public HeaderMatch? Header { get; init; }
        }
    }

    public static Result Parse(IEnumerable<string?[]> rows, IReadOnlyDictionary<string, RosterField>? mapping = null, int maxRows = 1_000_000)
    {
        using var e = rows.GetEnumerator();
        var head = new List<string?[]>();
        while (head.Count < HeaderDetection.RowsToScan && e.MoveNext()) head.Add(e.Current);
        if (head.All(r => r.All(string.IsNullOrWhiteSpace))) return new Result.Refused("Roster.EmptyFile");

        switch (HeaderDetection.Detect(head, mapping))
        {
            case HeaderDetection.Result.NotFound notFound:
                return new Result.Refused("Roster.NoHeader") { Header = notFound.Partial };
            case HeaderDetection.Result.Duplicated d:
                return new Result.Refused("Roster.DuplicateHeader", d.RowIndex + 1, Column(d.FirstColumn), Column(d.SecondColumn));
            case HeaderDetection.Result.Found found:
                return Parse(found.Match, head.Skip(found.Match.RowIndex + 1).Concat(Rest(e)), maxRows);
            default:
                throw new InvalidOperationException();
        }
    }

    private static IEnumerable<string?[]> Rest(IEnumerator<string?[]> e)
    {
        while (e.MoveNext()) yield return e.Current;
    }

    private static Result Parse(HeaderMatch header, IEnumerable<string?[]> dataRows, int maxRows)
    {
        var rows = new List<RosterRow>();
        var errors = new List<RowError>();
        var byCccd = new Dictionary<string, RosterRow>();
        int rowNumber = header.RowIndex + 1, dataCount = 0, merged = 0;
        var errorRows = new HashSet<int>();
        // Addresses, lodging and workshop names repeat thousands of times in a roster: normalise each text once.
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        var mergedRows = new List<(int, int)>();
        var refusedCccds = new HashSet<string>();
        foreach (var cells in dataRows)
        {
            rowNumber++;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (++dataCount > maxRows) return new Result.Refused("Roster.TooManyRows", maxRows);
            var rowErrors = new List<RowError>();
            var row = ParseRow(header, cells, rowNumber, rowErrors, normalized);
            if (row is null)
            {
                AddErrors(errors, rowErrors);
                errorRows.Add(rowNumber);
                if (header.Columns.TryGetValue(RosterField.Cccd, out var c) && c < cells.Length && RosterValues.Cccd(cells[c]?.Trim(), null, null).Value is { } stated)
                    refusedCccds.Add(stated);
                continue;
            }
            if (byCccd.TryGetValue(row.Cccd, out var first))
            {
                if (row.SameContentAs(first)) { merged++; mergedRows.Add((rowNumber, first.RowNumber)); continue; }
                // Conflicting statements about one person: neither row is trusted.
                AddErrors(errors, [new RowError(rowNumber, header.Headers[header.Columns[RosterField.Cccd]], "Roster.DuplicateConflict", first.RowNumber.ToString())]);
                if (!errorRows.Contains(first.RowNumber))
                    AddErrors(errors, [new RowError(first.RowNumber, header.Headers[header.Columns[RosterField.Cccd]], "Roster.DuplicateConflict", rowNumber.ToString())]);
                errorRows.Add(rowNumber);
                errorRows.Add(first.RowNumber);
                refusedCccds.Add(row.Cccd);
                continue;
            }
            byCccd[row.Cccd] = row;
            rows.Add(row);
        }
        if (dataCount == 0) return new Result.Refused("Roster.NoDataRows");
        rows.RemoveAll(r => errorRows.Contains(r.RowNumber));
        return new Result.Ok(new ParsedRoster(header, rows, errors, dataCount, merged, rows.Count(r => r.RecoveredLeadingZero)) { MergedRows = mergedRows, RefusedCccds = refusedCccds });
    }

    private static void AddErrors(List<RowError> errors, IEnumerable<RowError> more)
    {
        foreach (var e in more)
            if (errors.Count < MaxErrorsKept) errors.Add(e);
    }

    private const int NormalizedCacheLimit = 200_000;

    private static RosterRow? ParseRow(HeaderMatch h, string?[] cells, int rowNumber, List<RowError> errors, Dictionary<string, string> normalized)
    {
        string? Cell(RosterField f) => h.Columns.TryGetValue(f, out var c) && c < cells.Length ? cells[c]?.Trim() : null;
        string Header(RosterField f) => h.Headers[h.Columns[f]];
        T? Take<T>((T? Value, string? Error) parsed, RosterField f) where T : struct
        {
            if (parsed.Error is not null) errors.Add(new RowError(rowNumber, Header(f), parsed.Error, Cell(f)));
            return parsed.Value;
        }
        string? Text(RosterField f, int max)
        {
            var v = Cell(f);
            if (v is null) return null;
            if (RosterValues.IsSpreadsheetError(v)) { errors.Add(new RowError(rowNumber, Header(f), "Roster.CellError", v)); return null; }
            if (v.Length > max) { errors.Add(new RowError(rowNumber, Header(f), "Field.TooLong", v[..20] + "…")); return null; }
            if (normalized.TryGetValue(v, out var n)) return n;
            n = VietnameseText.NormalizeName(v);
            if (normalized.Count < NormalizedCacheLimit) normalized[v] = n;
            return n;
        }

        var sex = Take(RosterValues.SexOf(Cell(RosterField.Sex)), RosterField.Sex);
        var dob = Take(RosterValues.Date(Cell(RosterField.DateOfBirth)), RosterField.DateOfBirth);
        var (cccd, cccdError, recovered) = RosterValues.Cccd(Cell(RosterField.Cccd), sex, dob);
        if (cccdError is not null) errors.Add(new RowError(rowNumber, Header(RosterField.Cccd), cccdError, Cell(RosterField.Cccd)));

        var name = Text(RosterField.FullName, 100);
        if (name is null && !errors.Any(e => e.Column == Header(RosterField.FullName)))
            errors.Add(new RowError(rowNumber, Header(RosterField.FullName), "Field.Required"));
        else if (name is not null && name.Any(char.IsDigit))
            errors.Add(new RowError(rowNumber, Header(RosterField.FullName), "Roster.NameHasDigits", name));

        string? cmnd = null, bhxh = null;
        if (Cell(RosterField.Cmnd) is { } rawCmnd)
        {
            cmnd = RosterValues.Digits(rawCmnd);
            if (!OtherIds.Cmnd(cmnd).IsValid) { errors.Add(new RowError(rowNumber, Header(RosterField.Cmnd), RosterValues.IsSpreadsheetError(rawCmnd) ? "Roster.CellError" : "Cmnd.Format", rawCmnd)); cmnd = null; }
        }
        if (Cell(RosterField.Bhxh) is { } rawBhxh)
        {
            bhxh = RosterValues.Digits(rawBhxh);
            // A 9-digit number lost its leading zero in Excel, as CCCDs do.
            if (bhxh is { Length: 9 } && bhxh.All(char.IsAsciiDigit)) bhxh = "0" + bhxh;
            if (!OtherIds.Bhxh(bhxh).IsValid) { errors.Add(new RowError(rowNumber, Header(RosterField.Bhxh), RosterValues.IsSpreadsheetError(rawBhxh) ? "Roster.CellError" : "Bhxh.Format", rawBhxh)); bhxh = null; }
        }
        var phone = h.Columns.ContainsKey(RosterField.Phone) ? RosterValues.Phone(Cell(RosterField.Phone)) : (null, null);
        if (phone.Error is not null) errors.Add(new RowError(rowNumber, Header(RosterField.Phone), phone.Error, Cell(RosterField.Phone)));
        var hired = Take(RosterValues.Date(Cell(RosterField.HiredOn)), RosterField.HiredOn);
        var contract = Take(RosterValues.Contract(Cell(RosterField.ContractType)), RosterField.ContractType);
        var address = Text(RosterField.PermanentAddress, 300);
        var lodging = Text(RosterField.Lodging, 300);
        var workshop = Text(RosterField.Workshop, 100);

        if (dob is DateOnly born && hired is DateOnly start && start < born.AddYears(15))
            errors.Add(new RowError(rowNumber, Header(RosterField.HiredOn), "Worker.HiredTooYoung", Cell(RosterField.HiredOn)));
        if (errors.Count > 0 || cccd is null || name is null) return null;
        // The CCCD's century/sex digit states the sex when the roster has no sex column.
        sex ??= Registry.Rules.Cccd.CenturyAndSex(cccd[3]).Sex;
        return new RosterRow(rowNumber, cccd, VietnameseText.TitleCaseName(name), sex, dob, cmnd, bhxh, phone.Item1, address, lodging, hired, contract, workshop, recovered);
    }

    /// <summary>Spreadsheet column letters: 0 → A, 26 → AA.</summary>
    public static string Column(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }
}
