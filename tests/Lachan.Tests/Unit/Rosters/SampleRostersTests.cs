using System.Globalization;
using System.Text;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Tests.Rosters;
using MiniExcelLibs;

namespace Lachan.Tests.Unit.Rosters;

public sealed class SampleRostersTests : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    private static string Show(object? cell) => cell switch
    {
        null => "∅",
        DateTime d => "D" + d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.GetType().Name + f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()!,
    };

    private static List<string> Fingerprint(SampleRoster s) => [.. s.Cells().Select(r => string.Join('|', r.Select(Show)))];

    [Fact]
    public void Generate_IsDeterministic_ForASeed_AndEveryEnumerationYieldsTheSameRows()
    {
        var a = SampleRosters.Generate(400, seed: 7);

        Assert.Equal(Fingerprint(a), Fingerprint(SampleRosters.Generate(400, seed: 7)));
        Assert.Equal(Fingerprint(a), Fingerprint(a));
        Assert.NotEqual(Fingerprint(a), Fingerprint(SampleRosters.Generate(400, seed: 8)));
    }

    [Fact]
    public void ValidPeople_HaveUniqueCccds_ConsistentWithTheirSexAndBirthYear_AndWereHiredAdultsBeforeTheAsOfDate()
    {
        var options = SampleOptions.Default;
        var valid = SampleRosters.Generate(20_000, seed: 1).Rows.Where(r => r.Kind == SampleRowKind.Valid).Select(r => r.Expected).ToList();

        Assert.All(valid, r => Assert.True(Cccd.Validate(r.Cccd, r.Sex, r.DateOfBirth).IsValid, r.Cccd));
        Assert.Equal(valid.Count, valid.Select(r => r.Cccd).Distinct().Count());
        Assert.All(valid, r => Assert.InRange(r.HiredOn!.Value, r.DateOfBirth!.Value.AddYears(18), options.AsOf.AddDays(-1)));
        Assert.Contains(valid, r => r.Cccd.StartsWith("001", StringComparison.Ordinal) || r.Cccd.StartsWith("008", StringComparison.Ordinal));
    }

    [Fact]
    public void Shares_AreAsConfigured()
    {
        var rows = SampleRosters.Generate(40_000, seed: 3).Rows.ToList();
        double Share(Func<SampleRow, bool> p) => rows.Count(p) / (double)rows.Count;

        Assert.InRange(Share(r => r.Kind == SampleRowKind.Invalid), 0.025, 0.035);
        Assert.InRange(Share(r => r.Kind == SampleRowKind.IdenticalDuplicate), 0.007, 0.013);
        Assert.InRange(Share(r => r.Kind == SampleRowKind.ConflictingDuplicate), 0.003, 0.007);
        Assert.InRange(Share(r => r.Kind == SampleRowKind.Valid && r.Expected.RecoveredLeadingZero), 0.18, 0.26);
        var numericCccds = rows.Count(r => r.Expected.RecoveredLeadingZero);
        Assert.Equal(numericCccds, rows.Count(r => r.Cells.OfType<long>().Any(n => n.ToString(CultureInfo.InvariantCulture).Length == 11)));
    }

    [Fact]
    public void EveryHeaderVariant_IsRecognised_WithOrWithoutDiacritics_InAnyCase()
    {
        foreach (var (field, names) in SampleRosters.HeaderVariants)
            foreach (var name in names)
                foreach (var h in new[] { name, name.ToUpperInvariant(), name.ToLowerInvariant(), SampleRosters.WithoutDiacritics(name), name + " (*)" })
                    Assert.True(RosterHeaders.Recognise(h) == field, $"\"{h}\" is not recognised as {field}");
    }

    [Fact]
    public void Options_DecideTitleRowsSexColumnAndMess()
    {
        var clean = SampleRosters.Generate(200, seed: 5, SampleOptions.Clean with { TitleRows = false, SexColumn = false });

        Assert.Empty(clean.TitleRows);
        Assert.DoesNotContain(RosterField.Sex, clean.Fields);
        Assert.All(clean.Rows, r => Assert.Equal(SampleRowKind.Valid, r.Kind));
        Assert.All(clean.Rows.SelectMany(r => r.Cells), c => Assert.True(c is null or string or long, Show(c)));

        var messy = SampleRosters.Generate(200, seed: 5);
        Assert.InRange(messy.TitleRows.Count, 3, 4);
        Assert.StartsWith("CÔNG TY TNHH", (string)messy.TitleRows[0][0]!, StringComparison.Ordinal);
        Assert.Contains("DANH SÁCH NGƯỜI LAO ĐỘNG THÁNG 5/2021", messy.TitleRows.Select(t => t[0]));
        Assert.All(messy.TitleRows, t => Assert.Equal(messy.Headers.Count, t.Length));
    }

    [Fact]
    public void Xlsx_StoresNumbersDatesAndSerialsAsASpreadsheetDoes()
    {
        var s = SampleRosters.Generate(300, seed: 11);
        var path = _dir.File("types.xlsx");
        SampleRosters.WriteXlsx(path, s.Cells());

        var raw = MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(d => d.Values.ToArray()).ToList();
        var dob = s.Fields.ToList().IndexOf(RosterField.DateOfBirth);
        var cccd = s.Fields.ToList().IndexOf(RosterField.Cccd);
        var data = raw.Skip(s.HeaderRowNumber).ToList();

        Assert.Equal(300, data.Count);
        Assert.Contains(data, r => r[dob] is DateTime);
        Assert.Contains(data, r => r[dob] is double);
        Assert.Contains(data, r => r[dob] is string t && t.Length == 10 && t[2] == '/');
        Assert.Contains(data, r => r[dob] is string t && t.Length < 10 && t.Count(c => c == '/') == 2);
        Assert.Contains(data, r => r[cccd] is double d && d < 1e11);       // a CCCD that lost its zero: 11 digits
        Assert.Contains(data, r => r[cccd] is string t && t.StartsWith('0'));
    }

    /// <summary>Parsing a sample gives exactly what the generator says: counts, every valid row's values, each
    /// invalid row's one error (row, column as written, code) and both rows of each conflict.</summary>
    internal static void AssertParsedAsGenerated(SampleRoster s, ParsedRoster p)
    {
        Assert.Equal(s.Tally(), new SampleTally(p.DataRows, p.Rows.Count, p.InvalidRows, p.DuplicatesMerged, p.RecoveredLeadingZeros));
        var parsed = p.Rows.ToDictionary(r => r.RowNumber);
        var errors = p.Errors.ToLookup(e => e.RowNumber);
        var conflicted = s.Rows.Where(r => r.Kind == SampleRowKind.ConflictingDuplicate).Select(r => r.DuplicateOf!.Value).ToHashSet();
        var cccdHeader = s.Headers[s.Fields.ToList().IndexOf(RosterField.Cccd)];
        foreach (var row in s.Rows)
        {
            switch (row.Kind)
            {
                case SampleRowKind.Valid when conflicted.Contains(row.RowNumber):
                    Assert.Contains(errors[row.RowNumber], e => e.Code == "Roster.DuplicateConflict" && e.Column == cccdHeader);
                    break;
                case SampleRowKind.Valid:
                    Assert.Equal(row.Expected, parsed.GetValueOrDefault(row.RowNumber));
                    break;
                case SampleRowKind.IdenticalDuplicate:
                    Assert.False(parsed.ContainsKey(row.RowNumber));
                    Assert.Empty(errors[row.RowNumber]);
                    break;
                case SampleRowKind.ConflictingDuplicate:
                    Assert.Contains(new RowError(row.RowNumber, cccdHeader, "Roster.DuplicateConflict", row.DuplicateOf!.Value.ToString(CultureInfo.InvariantCulture)), errors[row.RowNumber]);
                    break;
                case SampleRowKind.Invalid:
                    var column = s.Headers[s.Fields.ToList().IndexOf(row.ProblemField!.Value)];
                    Assert.Equal([(column, row.ProblemCode)], errors[row.RowNumber].Select(e => (e.Column, (string?)e.Code)));
                    break;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MessyXlsx_IsParsedExactlyAsGenerated(int seed)
    {
        var s = SampleRosters.Generate(1_500, seed, SampleOptions.Default with { InvalidShare = 0.06, IdenticalDuplicateShare = 0.03, ConflictingDuplicateShare = 0.02 });
        var path = _dir.File($"messy{seed}.xlsx");
        SampleRosters.WriteXlsx(path, s.Cells());

        AssertParsedAsGenerated(s, RosterFiles.Ok(RosterFiles.Parse(path)));
    }

    public static TheoryData<string, char> CsvFormats() => new()
    {
        { "utf8-bom", ',' }, { "utf8", ';' }, { "utf16", '\t' }, { "cp1258", ';' }, { "cp1258", ',' },
    };

    [Theory]
    [MemberData(nameof(CsvFormats))]
    public void MessyCsv_InEveryEncodingAndSeparator_IsParsedExactlyAsGenerated(string encoding, char separator)
    {
        var s = SampleRosters.Generate(1_500, seed: 4, SampleOptions.Default with { InvalidShare = 0.06, IdenticalDuplicateShare = 0.03, ConflictingDuplicateShare = 0.02 });
        var path = _dir.File($"messy-{encoding}-{(int)separator}.csv");
        SampleRosters.WriteCsv(path, s.Cells(), encoding switch
        {
            "utf8-bom" => new UTF8Encoding(true),
            "utf8" => new UTF8Encoding(false),
            "utf16" => Encoding.Unicode,
            _ => SampleRosters.Windows1258,
        }, separator);

        AssertParsedAsGenerated(s, RosterFiles.Ok(RosterFiles.Parse(path)));
    }

    /// <summary>Rows are parsed in batches on several threads: across many batches (duplicates of rows in earlier
    /// batches among them) the result must be the one of a single pass, rows and errors in file order.</summary>
    [Fact]
    public void LargeCsv_ParsedInParallelBatches_IsParsedExactlyAsGenerated_InFileOrder()
    {
        var s = SampleRosters.Generate(25_000, seed: 9, SampleOptions.Default with { InvalidShare = 0.06, IdenticalDuplicateShare = 0.03, ConflictingDuplicateShare = 0.02 });
        var path = _dir.File("large.csv");
        SampleRosters.WriteCsv(path, s.Cells(), new UTF8Encoding(true));

        var p = RosterFiles.Ok(RosterFiles.Parse(path));

        AssertParsedAsGenerated(s, p);
        Assert.Equal(p.Rows.Select(r => r.RowNumber).Order(), p.Rows.Select(r => r.RowNumber));
        // Errors come in file order, except that a conflict also names the earlier row when the later one is read.
        var rowErrors = p.Errors.Where(e => e.Code != "Roster.DuplicateConflict").Select(e => e.RowNumber).ToList();
        Assert.Equal(rowErrors.Order(), rowErrors);
    }

    [Fact]
    public void CleanSample_AsOfferedForDownload_HasNoErrorAndNoFix()
    {
        var s = SampleRosters.Generate(50, seed: 2021, SampleOptions.Clean);
        using var stream = new MemoryStream();
        SampleRosters.WriteXlsx(stream, s.Cells());
        var path = _dir.File("download.xlsx");
        File.WriteAllBytes(path, stream.ToArray());

        var p = RosterFiles.Ok(RosterFiles.Parse(path));

        Assert.Equal((50, 50, 0, 0, 0), (p.DataRows, p.Rows.Count, p.Errors.Count, p.DuplicatesMerged, p.RecoveredLeadingZeros));
    }
}
