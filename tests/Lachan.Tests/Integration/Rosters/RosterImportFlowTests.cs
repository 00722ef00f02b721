using System.Net;
using System.Text;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>Upload → preview → commit → upload again, through the HTTP API as an enterprise's HR, with real xlsx and
/// csv files, on SQLite and PostgreSQL: the preview counts what the file says, the commit changes the registry exactly
/// so, and the same file (or an export of the unchanged list) changes nothing the second time.</summary>
public sealed class RosterImportFlowTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    public static TheoryData<DatabaseProvider, string> ProvidersAndFormats() => new()
    {
        { DatabaseProvider.Sqlite, "xlsx" }, { DatabaseProvider.Sqlite, "csv" },
        { DatabaseProvider.Postgres, "xlsx" }, { DatabaseProvider.Postgres, "csv" },
    };

    /// <summary>The roster of the main scenario and who is who in it.</summary>
    private sealed record Scenario(List<object?[]> Sheet, Person New1, Person New2, Person New3, Person BadCccd, Person BadDate, string NewPhone);

    private static Scenario Roster(RosterWorld w)
    {
        var new1 = Person.New("Hoàng Văn Nam", Sex.Male, 1999) with { HiredOn = new DateOnly(2021, 5, 15), Contract = "Không xác định thời hạn" };
        var new2 = Person.New("Vũ Thị Hằng", Sex.Female, 2001) with { Lodging = w.LodgingName, Phone = "+84 912 345 678" };
        var new3 = Person.New("Ngô Văn Tèo", Sex.Male, 1997);
        var badCccd = Person.New("Đỗ Thị Yến", Sex.Female, 1995) with { Cccd = "02419500" };
        var badDate = Person.New("Bùi Văn Đạt", Sex.Male, 1995);
        const string newPhone = "0988 123 456";
        var stays = Person.Of(w.Stays) with { Lodging = w.LodgingName }; // lives where the registry says
        var rows = new List<object?[]>
        {
            Row(1, stays),                                           // row 5: unchanged
            Row(2, Person.Of(w.Updated) with { Phone = newPhone }),  // row 6: phone changed
            Row(3, Person.Of(w.Transfer)),                           // row 7: employed by the other enterprise
            Row(4, Person.Of(w.Rehired)),                            // row 8: left last year, back now
            Row(5, new1),                                            // row 9: new, hired on 15/05/2021
            Row(6, new2, numericCccd: true),                         // row 10: new, CCCD lost its leading zero, lodging
            Row(7, new3 with { FullName = "  ngô   văn TÈO " }),     // row 11: new, name typed carelessly
            Row(8, new1),                                            // row 12: row 9 again, identical
            Row(9, badCccd),                                         // row 13: CCCD too short
        };
        var bad = Row(10, badDate);                                  // row 14: no such date
        bad[2] = "31/02/1995";
        rows.Add(bad);
        return new Scenario(Sheet(rows), new1, new2, new3 with { FullName = "Ngô Văn Tèo" }, badCccd, badDate, newPhone);
        // Leaver1 and Leaver2 are employed by the enterprise but not on the roster: they have left.
    }

    [Theory, MemberData(nameof(ProvidersAndFormats))]
    public async Task Upload_preview_commit_then_the_same_file_again_changes_nothing(DatabaseProvider provider, string format)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var hr = await app.LoggedInClientAsync(w.Hr); // before counting: a login is audited
        var s = Roster(w);
        var file = Write(_dir.Root, format, s.Sheet);

        // ---- preview: counts, errors with row, column and code; nothing written yet
        var before = await TableCounts.OfAsync(app);
        var id = await UploadOkAsync(api, w.Own.Id, file);
        var state = await UntilStatusAsync(api, id, "Previewed");
        var preview = state.GetProperty("preview");
        Assert.Equal(new Dictionary<string, int>
        {
            ["rows"] = 10, ["valid"] = 7, ["errors"] = 2, ["created"] = 3, ["updated"] = 1, ["unchanged"] = 1, ["hired"] = 4,
            ["left"] = 2, ["moved"] = 1, ["transfers"] = 1, ["recoveredLeadingZeros"] = 1, ["duplicatesInFile"] = 1,
        }, Counts(preview, CountNames));
        var errors = preview.GetProperty("errorList").EnumerateArray()
            .Select(e => (Row: e.GetProperty("rowNumber").GetInt32(), Column: e.GetProperty("column").GetString(), Code: e.GetProperty("code").GetString()))
            .ToList();
        Assert.Equal([(13, "Số CCCD", "Cccd.Format"), (14, "Ngày sinh", "Roster.DateFormat")], errors.OrderBy(e => e.Row));
        Assert.Equal(new[] { w.Leaver1.Cccd, w.Leaver2.Cccd }.Order(), preview.GetProperty("leaving").EnumerateArray().Select(l => l.GetProperty("cccd").GetString()).Order());
        var update = preview.GetProperty("samples").EnumerateArray().Single(r => r.GetProperty("cccd").GetString() == w.Updated.Cccd);
        var change = Assert.Single(update.GetProperty("changes").EnumerateArray());
        Assert.Equal(("Phone", "0977555666", "0988123456"),
            (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Equal(before, await TableCounts.OfAsync(app));

        // the page shows every error with its row, its column's header and a message in Vietnamese
        var page = await hr.GetPageAsync($"/Rosters/{id}");
        var shown = TableRows(page, "error-list");
        Assert.Contains(shown, r => r[0] == "13" && r[1] == "Số CCCD" && r[2] == "Số CCCD phải gồm đúng 12 chữ số.");
        Assert.Contains(shown, r => r[0] == "14" && r[1] == "Ngày sinh" && r[2] == "Ngày không hợp lệ (dùng dd/mm/yyyy)." && r[3] == "31/02/1995");
        Assert.Equal("10", TestIdText(page, "count-rows"));
        Assert.Equal("2", TestIdText(page, "count-left"));
        Assert.Equal("Sẵn sàng ghi", TestIdText(page, "import-status"));

        // ---- commit
        var commit = await api.PostAsync($"/api/v1/rosters/{id}/commit", null);
        Assert.Equal(HttpStatusCode.Accepted, commit.StatusCode);
        state = await UntilStatusAsync(api, id, "Committed");
        var outcome = state.GetProperty("outcome");
        Assert.Equal((3, 1, 4, 2, 1, 1, 1), (outcome.Count("created"), outcome.Count("updated"), outcome.Count("hired"), outcome.Count("left"),
            outcome.Count("moved"), outcome.Count("transfersToReview"), outcome.Count("unchanged")));
        var changed = outcome.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("cccd").GetString()).Order().ToList();
        Assert.Equal(new[] { s.New1.Cccd, s.New2.Cccd, s.New3.Cccd, w.Updated.Cccd, w.Rehired.Cccd }.Order(), changed);

        // exactly these rows were written: 3 workers; 3 + 1 (re-hire) employments; 1 residence; movements: 4 hired,
        // 1 moved lodging, 2 left; one audit event for the import
        var after = await TableCounts.OfAsync(app);
        Assert.Equal(before with
        {
            Workers = before.Workers + 3, Employments = before.Employments + 4, Residences = before.Residences + 1,
            Movements = before.Movements + 7, Audits = before.Audits + 1,
        }, after);
        Assert.Equal(1, await ImportAuditsAsync(app, w.Own.Id));
        // the job wrote it, in the name of the HR user who asked for the commit (not "anonymous")
        Assert.Equal(w.Hr, await app.WithDbAsync(db => db.AuditEvents
            .Where(a => a.Action == "import" && a.EntityType == "Roster" && a.EntityId == w.Own.Id.ToString()).Select(a => a.UserName).SingleAsync()));
        // the rows with errors were not written, and the outcome names them
        Assert.Equal(2, outcome.Count("skipped"));
        Assert.Equal([13, 14], outcome.GetProperty("skippedRows").EnumerateArray().Select(r => r.GetInt32()));
        await RegistrySaysAsync(app, w, s);

        // the result page links each created or changed worker and offers the report
        page = await hr.GetPageAsync($"/Rosters/{id}");
        Assert.Contains("Đã ghi: 3 người mới, 1 cập nhật, 4 vào làm, 2 nghỉ việc, 1 chuyển nhà trọ; 1 người", TestIdText(page, "outcome"));
        Assert.Equal("2 dòng có lỗi không được ghi: dòng 13, 14.", TestIdText(page, "skipped-rows"));
        var newId = await app.WithDbAsync(db => db.Set<Worker>().Where(x => x.Cccd == s.New1.Cccd).Select(x => x.Id).SingleAsync());
        Assert.Contains($"href=\"/Registry/Workers/{newId}\"", page);

        // ---- the same file again: the preview says no change, and nothing can be written
        var again = await UploadOkAsync(api, w.Own.Id, file);
        state = await UntilStatusAsync(api, again, "NoChange");
        preview = state.GetProperty("preview");
        Assert.True(preview.GetProperty("changesNothing").GetBoolean());
        Assert.Equal((0, 0, 0, 0, 0, 6, 1), (preview.Count("created"), preview.Count("updated"), preview.Count("hired"), preview.Count("left"),
            preview.Count("moved"), preview.Count("unchanged"), preview.Count("transfers")));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/rosters/{again}/commit", null)).StatusCode);
        page = await hr.GetPageAsync($"/Rosters/{again}");
        Assert.Equal("Danh sách trùng khớp với dữ liệu hiện có: không có gì thay đổi.", TestIdText(page, "no-change"));
        Assert.DoesNotContain("data-testid=\"commit\"", page);
        await Task.Delay(300); // a stray job would have written by now
        Assert.Equal(after, await TableCounts.OfAsync(app));

        // the full report of the first import: every input row (the merged duplicate too) with its status, then the leavers
        var report = await hr.GetAsync($"/Rosters/{id}?handler=Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var xlsx = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        var lines = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var byRow = lines.Where(r => r["Dòng / Row"] is not null).ToDictionary(r => Convert.ToInt32(r["Dòng / Row"]), r => r["Trạng thái / Status"]?.ToString());
        Assert.Equal(Enumerable.Range(RosterKit.FirstDataRow, 10), byRow.Keys.Order());
        Assert.Equal("Không đổi / Unchanged", byRow[5]);
        Assert.Equal("Cập nhật / Updated", byRow[6]);
        Assert.StartsWith("Đang làm ở DN khác", byRow[7]);
        Assert.Equal("Vào làm lại / Rehired", byRow[8]);
        Assert.Equal("Thêm mới / New + chuyển nhà trọ / moved lodging", byRow[10]);
        Assert.StartsWith("Trùng", byRow[12]);
        Assert.Equal(("Lỗi / Error", "Lỗi / Error"), (byRow[13], byRow[14]));
        Assert.Equal(2, lines.Count(r => r["Dòng / Row"] is null));
    }

    /// <summary>The registry after the commit of <see cref="Roster"/>, worker by worker.</summary>
    private static async Task RegistrySaysAsync(LachanApp app, RosterWorld w, Scenario s)
    {
        var asOf = RosterWorld.AsOf;
        await app.WithDbAsync(async db =>
        {
            async Task<Worker> Load(string cccd) => await db.Set<Worker>().AsNoTracking().Include(x => x.Employments).Include(x => x.Residences)
                .Include(x => x.Movements).SingleAsync(x => x.Cccd == cccd);

            // new workers: employed here from their hire date (the as-of date when the roster has none), a Hired movement
            foreach (var (p, hired) in new[] { (s.New1, new DateOnly(2021, 5, 15)), (s.New2, asOf), (s.New3, asOf) })
            {
                var x = await Load(p.Cccd);
                Assert.Equal((p.FullName, p.Sex, p.Dob, w.Own.Id), (x.FullName, x.Sex, x.DateOfBirth, x.CurrentEnterpriseId));
                var e = Assert.Single(x.Employments);
                Assert.Equal((w.Own.Id, hired, (DateOnly?)null), (e.EnterpriseId, e.From, e.To));
                Assert.Contains(x.Movements, m => m.Kind == MovementKind.Hired && m.Date == hired && m.EnterpriseId == w.Own.Id);
            }
            var n1 = await Load(s.New1.Cccd);
            Assert.Equal(ContractType.Indefinite, n1.Employments[0].ContractType);
            var n2 = await Load(s.New2.Cccd);
            Assert.Equal(("0912345678", w.Registry.LodgingOwn.Id), (n2.Phone, n2.CurrentLodgingHouseId));
            Assert.Equal((w.Registry.LodgingOwn.Id, asOf), (Assert.Single(n2.Residences).LodgingHouseId, n2.Residences[0].From));
            Assert.Contains(n2.Movements, m => m.Kind == MovementKind.MovedLodging && m.LodgingHouseId == w.Registry.LodgingOwn.Id && m.Date == asOf);
            Assert.Single((await Load(s.New3.Cccd)).Movements);
            Assert.False(await db.Set<Worker>().AnyAsync(x => x.Cccd == s.BadDate.Cccd || x.Cccd.StartsWith(s.BadCccd.Cccd)));

            // the update changed the phone only
            var updated = await Load(w.Updated.Cccd);
            Assert.Equal(("0988123456", w.Updated.FullName, w.Updated.PermanentAddress, w.Own.Id),
                (updated.Phone, updated.FullName, updated.PermanentAddress, updated.CurrentEnterpriseId));
            Assert.DoesNotContain(updated.Movements, m => m.Date == asOf);

            // leavers: employment ends on the as-of date, a Left movement, no current employer
            foreach (var leaver in new[] { w.Leaver1, w.Leaver2 })
            {
                var x = await Load(leaver.Cccd);
                Assert.Null(x.CurrentEnterpriseId);
                Assert.Equal(asOf, Assert.Single(x.Employments).To);
                var left = Assert.Single(x.Movements, m => m.Kind == MovementKind.Left);
                Assert.Equal((asOf, (int?)w.Own.Id), (left.Date, left.PreviousEnterpriseId));
            }

            // the re-hired worker has a second employment here and a Hired movement
            var rehired = await Load(w.Rehired.Cccd);
            Assert.Equal(w.Own.Id, rehired.CurrentEnterpriseId);
            Assert.Equal(2, rehired.Employments.Count);
            Assert.Contains(rehired.Employments, e => e.From == asOf && e.To is null && e.EnterpriseId == w.Own.Id);
            Assert.Contains(rehired.Movements, m => m.Kind == MovementKind.Hired && m.Date == asOf);

            // employed at the other enterprise: not moved, reported for review
            var transfer = await Load(w.Transfer.Cccd);
            Assert.Equal(w.Other.Id, transfer.CurrentEnterpriseId);
            Assert.Equal(w.Other.Id, Assert.Single(transfer.Employments).EnterpriseId);
            Assert.Null(transfer.Employments[0].To);
            Assert.DoesNotContain(transfer.Movements, m => m.Date == asOf);

            // unchanged: nothing new
            var stays = await Load(w.Stays.Cccd);
            Assert.Equal((w.Own.Id, w.Registry.LodgingOwn.Id), (stays.CurrentEnterpriseId, stays.CurrentLodgingHouseId));
            Assert.DoesNotContain(stays.Movements, m => m.Date == asOf);
        });
    }

    /// <summary>The list an enterprise exports (Registry › Workers › Export) reads back as no change; edited, it reads
    /// back as exactly the edits.</summary>
    [Theory, MemberData(nameof(ProvidersAndFormats))]
    public async Task Export_then_import_of_the_unchanged_list_is_no_change_and_edits_are_exactly_what_changes(DatabaseProvider provider, string format)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var hr = await app.LoggedInClientAsync(w.Hr);

        var list = await hr.PostFormAsync("/Registry/Workers", new Dictionary<string, string> { ["format"] = format }, "/Registry/Workers?handler=Export");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var exported = Path.Combine(_dir.Root, "export." + format);
        await File.WriteAllBytesAsync(exported, await list.Content.ReadAsByteArrayAsync());
        var expectedCccds = new[] { w.Stays.Cccd, w.Updated.Cccd, w.Leaver1.Cccd, w.Leaver2.Cccd }.Order().ToList();

        var before = await TableCounts.OfAsync(app);
        var id = await UploadOkAsync(api, w.Own.Id, exported);
        var state = await UntilStatusAsync(api, id, "NoChange");
        var preview = state.GetProperty("preview");
        Assert.Equal((4, 4, 0, 4), (preview.Count("rows"), preview.Count("valid"), preview.Count("errors"), preview.Count("unchanged")));
        Assert.True(preview.GetProperty("changesNothing").GetBoolean());

        // edit the export as HR would: one worker gone, another's phone changed
        var edited = Path.Combine(_dir.Root, "edited." + format);
        if (format == "csv")
        {
            var lines = (await File.ReadAllLinesAsync(exported, Encoding.UTF8)).ToList();
            Assert.Equal(5, lines.Count);
            lines.RemoveAll(l => l.Contains(w.Leaver1.Cccd, StringComparison.Ordinal));
            var i = lines.FindIndex(l => l.Contains(w.Updated.Cccd, StringComparison.Ordinal));
            lines[i] = lines[i].Replace(w.Updated.Phone!, "0911222333", StringComparison.Ordinal);
            await File.WriteAllLinesAsync(edited, lines, new UTF8Encoding(true));
        }
        else
        {
            var rows = MiniExcel.Query(exported, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
            Assert.Equal(5, rows.Count);
            Assert.Equal(expectedCccds, rows.Skip(1).Select(r => r[3]?.ToString()).Order());
            rows.RemoveAll(r => Equals(r[3], w.Leaver1.Cccd));
            rows.Single(r => Equals(r[3], w.Updated.Cccd))[6] = "0911222333";
            SampleRosters.WriteXlsx(edited, rows);
        }
        id = await UploadOkAsync(api, w.Own.Id, edited);
        preview = (await UntilStatusAsync(api, id, "Previewed")).GetProperty("preview");
        Assert.Equal((3, 3, 1, 1, 2, 0, 0), (preview.Count("rows"), preview.Count("valid"), preview.Count("updated"), preview.Count("left"),
            preview.Count("unchanged"), preview.Count("created"), preview.Count("moved")));
        Assert.Equal(w.Leaver1.Cccd, Assert.Single(preview.GetProperty("leaving").EnumerateArray()).GetProperty("cccd").GetString());
        Assert.Equal(before, await TableCounts.OfAsync(app));
    }
}

/// <summary>Only a CCCD missing from the file means "has left": a worker whose row was refused (an error in another
/// field, or two conflicting rows) is on the roster, and is neither updated nor taken off the payroll.</summary>
public sealed class RosterLeaverTests(EmptyApps apps) : IClassFixture<EmptyApps>, IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    [Theory, BothProviders]
    public async Task A_worker_whose_rows_were_refused_has_not_left(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await RosterWorld.CreateAsync(app);
        var api = await app.ApiClientAsync(w.Hr);
        var badDob = Row(4, Person.Of(w.Leaver1));
        badDob[2] = "30/02/1998";
        var file = Write(_dir.Root, "xlsx", Sheet(
        [
            Row(1, Person.Of(w.Stays)),                                      // row 5
            Row(2, Person.Of(w.Updated) with { Phone = "0911000001" }),      // row 6 } the same person stated twice,
            Row(3, Person.Of(w.Updated) with { Phone = "0911000002" }),      // row 7 } differently: both refused
            badDob,                                                          // row 8: no such date
        ]));                                                                 // Leaver2 is not on the roster

        var id = await UploadOkAsync(api, w.Own.Id, file);
        var preview = (await UntilStatusAsync(api, id, "Previewed")).GetProperty("preview");
        Assert.Equal((4, 1, 3, 1, 0), (preview.Count("rows"), preview.Count("valid"), preview.Count("errors"), preview.Count("left"), preview.Count("updated")));
        var errors = preview.GetProperty("errorList").EnumerateArray()
            .Select(e => (e.GetProperty("rowNumber").GetInt32(), e.GetProperty("code").GetString(), e.GetProperty("value").GetString())).ToList();
        Assert.Contains((6, "Roster.DuplicateConflict", "7"), errors);
        Assert.Contains((7, "Roster.DuplicateConflict", "6"), errors);
        Assert.Contains((8, "Roster.DateFormat", "30/02/1998"), errors);
        Assert.Equal(w.Leaver2.Cccd, Assert.Single(preview.GetProperty("leaving").EnumerateArray()).GetProperty("cccd").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/rosters/{id}/commit", null)).StatusCode);
        await UntilStatusAsync(api, id, "Committed");
        await app.WithDbAsync(async db =>
        {
            var employed = await db.Set<Worker>().Where(x => x.CurrentEnterpriseId == w.Own.Id).Select(x => x.Id).ToListAsync();
            Assert.Equal(new[] { w.Stays.Id, w.Updated.Id, w.Leaver1.Id }.Order(), employed.Order());
            Assert.Equal(w.Updated.Phone, await db.Set<Worker>().Where(x => x.Id == w.Updated.Id).Select(x => x.Phone).SingleAsync());
        });
    }
}
