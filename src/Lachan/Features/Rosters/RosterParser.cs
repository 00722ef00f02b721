using Lachan.Features.Shared;
using System.Collections.Concurrent;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Localization;

namespace Lachan.Features.Rosters;

/// <summary>One valid roster row, normalised. RowNumber is the spreadsheet's own row number (1-based).</summary>
public sealed record RosterRow(int RowNumber, string Cccd, string FullName, Sex? Sex, DateOnly? DateOfBirth, string? Cmnd,
    string? Bhxh, string? Phone, string? PermanentAddress, string? Lodging, DateOnly? HiredOn, ContractType? Contract,
    string? Workshop, bool RecoveredLeadingZero)
{
    /// <summary>The name's search key, made here because rows are parsed on every core and written on one.</summary>
    public string NameSearch { get; } = VietnameseText.SearchKey(FullName);

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
        while (head.Count < SheetHeaders.RowsToScan && e.MoveNext()) head.Add(e.Current);
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

    /// <summary>Rows are parsed in batches on every core, in file order; merging duplicates stays one pass in file
    /// order, so the result is the same as row by row. Parsing is most of a large import's own work.</summary>
    private const int BatchSize = 2_048;

    /// <summary>One data row parsed alone: the row, or its errors and the CCCD it states, if readable.</summary>
    private sealed record ParsedRow(int RowNumber, RosterRow? Row, List<RowError>? Errors, string? StatedCccd);

    private static Result Parse(HeaderMatch header, IEnumerable<string?[]> dataRows, int maxRows)
    {
        int dataCount = 0;
        // Batches of the non-blank rows with their spreadsheet row numbers, read on one thread of their own.
        IEnumerable<(int RowNumber, string?[] Cells)[]> Batches()
        {
            var rowNumber = header.RowIndex + 1;
            var batch = new List<(int, string?[])>(BatchSize);
            foreach (var cells in dataRows)
            {
                rowNumber++;
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                if (++dataCount > maxRows) yield break;
                batch.Add((rowNumber, cells));
                if (batch.Count == BatchSize) { yield return [.. batch]; batch.Clear(); }
            }
            if (batch.Count > 0) yield return [.. batch];
        }
        // Addresses, lodging and workshop names repeat thousands of times in a roster: normalise each text once.
        var normalized = new NormalizedTexts();
        var parsed = Partitioner.Create(ReadAhead(Batches(), 8), EnumerablePartitionerOptions.NoBuffering).AsParallel().AsOrdered()
            .Select(batch => Array.ConvertAll(batch, r => ParseOne(header, r.Cells, r.RowNumber, normalized)));

        var rows = new List<RosterRow>();
        var errors = new List<RowError>();
        var byCccd = new Dictionary<string, RosterRow>();
        var errorRows = new HashSet<int>();
        var mergedRows = new List<(int, int)>();
        var refusedCccds = new HashSet<string>();
        var merged = 0;
        try
        {
            foreach (var batch in parsed)
            foreach (var (rowNumber, row, rowErrors, statedCccd) in batch)
            {
                if (row is null)
                {
                    AddErrors(errors, rowErrors!);
                    errorRows.Add(rowNumber);
                    if (statedCccd is not null) refusedCccds.Add(statedCccd);
                    continue;
                }
                if (byCccd.TryGetValue(row.Cccd, out var first))
                {
                    if (row.SameContentAs(first)) { merged++; mergedRows.Add((rowNumber, first.RowNumber)); continue; }
                    // Conflicting statements about one person: neither row is trusted.
                    var cccdHeader = header.Headers[header.Columns[RosterField.Cccd]];
                    AddErrors(errors, [new RowError(rowNumber, cccdHeader, "Roster.DuplicateConflict", first.RowNumber.ToString())]);
                    if (!errorRows.Contains(first.RowNumber))
                        AddErrors(errors, [new RowError(first.RowNumber, cccdHeader, "Roster.DuplicateConflict", rowNumber.ToString())]);
                    errorRows.Add(rowNumber);
                    errorRows.Add(first.RowNumber);
                    refusedCccds.Add(row.Cccd);
                    continue;
                }
                byCccd[row.Cccd] = row;
                rows.Add(row);
            }
        }
        catch (AggregateException e) when (e.InnerExceptions is [var only])
        {
            // The file's own fault (a TabularFileException) or any other, as it would come from a plain loop.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(only);
        }
        if (dataCount > maxRows) return new Result.Refused("Roster.TooManyRows", maxRows);
        if (dataCount == 0) return new Result.Refused("Roster.NoDataRows");
        rows.RemoveAll(r => errorRows.Contains(r.RowNumber));
        return new Result.Ok(new ParsedRoster(header, rows, errors, dataCount, merged, rows.Count(r => r.RecoveredLeadingZero)) { MergedRows = mergedRows, RefusedCccds = refusedCccds });
    }

    /// <summary>The items, read on a thread of their own a few ahead, so reading the file (one thread's work, and for an
    /// xlsx the slower half) runs alongside the parsing instead of under PLINQ's lock, taking turns with it.</summary>
    private static IEnumerable<T> ReadAhead<T>(IEnumerable<T> source, int ahead)
    {
        using var queue = new BlockingCollection<T>(ahead);
        using var stop = new CancellationTokenSource();
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source) queue.Add(item, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the consumer stopped early
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable()) yield return item;
            reader.GetAwaiter().GetResult();   // the file's own fault (a TabularFileException), as from a plain loop
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.Wait();   // the reader is done with the queue before it is disposed
            }
            catch (AggregateException)
            {
                // its fault was rethrown above, or the consumer stopped early and no longer wants the rows
            }
        }
    }

    private static ParsedRow ParseOne(HeaderMatch header, string?[] cells, int rowNumber, NormalizedTexts normalized)
    {
        var rowErrors = new List<RowError>();
        if (ParseRow(header, cells, rowNumber, rowErrors, normalized) is { } row) return new ParsedRow(rowNumber, row, null, null);
        var stated = header.Columns.TryGetValue(RosterField.Cccd, out var c) && c < cells.Length ? RosterValues.Cccd(cells[c]?.Trim(), null, null).Value : null;
        return new ParsedRow(rowNumber, null, rowErrors, stated);
    }

    private static void AddErrors(List<RowError> errors, IEnumerable<RowError> more)
    {
        foreach (var e in more)
            if (errors.Count < MaxErrorsKept) errors.Add(e);
    }

    /// <summary>Texts normalised so far, shared by the parsing threads; bounded, so a file of distinct texts does not
    /// grow it without end.</summary>
    private sealed class NormalizedTexts
    {
        private const int Limit = 200_000;
        private readonly ConcurrentDictionary<string, string> seen = new(StringComparer.Ordinal);
        private int count;

        public string Of(string text)
        {
            if (seen.TryGetValue(text, out var normalized)) return normalized;
            normalized = VietnameseText.NormalizeName(text);
            if (Volatile.Read(ref count) < Limit && seen.TryAdd(text, normalized)) Interlocked.Increment(ref count);
            return normalized;
        }
    }

    private static RosterRow? ParseRow(HeaderMatch h, string?[] cells, int rowNumber, List<RowError> errors, NormalizedTexts normalized)
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
            return normalized.Of(v);
        }

        var sex = Take(RosterValues.SexOf(Cell(RosterField.Sex)), RosterField.Sex);
        var dob = Take(RosterValues.Date(Cell(RosterField.DateOfBirth)), RosterField.DateOfBirth);
        var (cccd, cccdError, recovered) = RosterValues.Cccd(Cell(RosterField.Cccd), sex, dob);
        if (cccdError is not null) errors.Add(new RowError(rowNumber, Header(RosterField.Cccd), cccdError, Cell(RosterField.Cccd)));

        var name = Text(RosterField.FullName, 100);
        if (name is null && !errors.Any(e => e.Column == Header(RosterField.FullName)))
            errors.Add(new RowError(rowNumber, Header(RosterField.FullName), "Field.Required"));
        else if (name is not null && HasDigit(name))
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
            if (bhxh is { Length: 9 } && Registry.Contracts.Digits.Only(bhxh)) bhxh = "0" + bhxh;
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
        sex ??= Registry.Contracts.Cccd.CenturyAndSex(cccd[3]).Sex;
        return new RosterRow(rowNumber, cccd, VietnameseText.TitleCaseName(name), sex, dob, cmnd, bhxh, phone.Item1, address, lodging, hired, contract, workshop, recovered);
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
            if (char.IsDigit(c)) return true;
        return false;
    }

    /// <summary>Spreadsheet column letters: 0 → A, 26 → AA.</summary>
    public static string Column(int index) => TabularFileReader.Column(index);
}
