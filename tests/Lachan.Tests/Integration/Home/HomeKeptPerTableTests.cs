using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Home;

/// <summary>Each home section is kept until a table it was counted from is written (ADR-0023): a day off written by the
/// support desk recounts neither the health numbers nor who is affected; a case recounts the health numbers (and is in
/// them) but not who is affected; a residence written by EF recounts who is affected, whose residences are read by
/// plain scans on connections of their own.</summary>
public sealed class HomeKeptPerTableTests
{
    private static string Counted(JsonElement home, string section) => home.GetProperty("sections").GetProperty(section).GetString()!;

    private static long Figure(JsonElement home, string name) => home.GetProperty("figures").GetProperty(name).GetProperty("value").GetInt64();

    [Theory, BothProviders]
    public async Task A_section_is_counted_again_only_when_a_table_it_read_is_written(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.DemoProvince);
        var api = await app.ApiClientAsync("admin");
        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");

        var dayOff = await api.PostAsJsonAsync("/api/v1/support/holidays", new { day = "2099-01-02", name = "Kept test", source = "test" });
        Assert.Equal(HttpStatusCode.Created, dayOff.StatusCode);
        var afterDayOff = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        Assert.Equal(Counted(first, "health"), Counted(afterDayOff, "health"));
        Assert.Equal(Counted(first, "zones"), Counted(afterDayOff, "zones"));

        var cccd = await app.WithDbAsync(db => db.Set<Worker>().Where(w => !db.Set<Case>().Any(c => c.WorkerId == w.Id)).Select(w => w.Cccd).FirstAsync());
        var registered = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            cccd, code = "BN-TABLES-1", confirmedOn = new DateOnly(2021, 5, 25), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 24),
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var afterCase = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        // the health section is counted in kept parts and says when its oldest part was: the case shows in its numbers
        Assert.Equal(Figure(first, "cases.new") + 1, Figure(afterCase, "cases.new"));
        Assert.Equal(Figure(first, "cases.active") + 1, Figure(afterCase, "cases.active"));
        Assert.Equal(Counted(first, "zones"), Counted(afterCase, "zones"));

        // residences are read only by the plain scans of "who is affected": the reading must have seen their commands
        await app.WithDbAsync(db => db.Set<Residence>().Where(r => r.Id == db.Set<Residence>().Min(x => x.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.To, r => r.To)));
        var afterResidence = await api.GetFromJsonAsync<JsonElement>("/api/v1/home");
        Assert.NotEqual(Counted(first, "zones"), Counted(afterResidence, "zones"));
    }
}

/// <summary>The tables a statement writes, as <see cref="DataChanges"/> reads them from its text.</summary>
public sealed class DataChangesTablesTests
{
    [Theory]
    [InlineData("INSERT INTO \"Cases\" (\"Code\") VALUES (@p0) RETURNING \"Id\";", "Cases")]
    [InlineData("UPDATE \"Residences\" r SET \"To\" = @on FROM roster_moving t WHERE r.\"WorkerId\" = t.id", "Residences")]
    [InlineData("UPDATE \"Workers\" AS w SET \"FullName\" = @n", "Workers")]
    [InlineData("UPDATE \"Workers\" SET \"FullName\" = @n WHERE \"Id\" = @id", "Workers")]
    [InlineData("DELETE FROM \"SupportHolidays\" WHERE \"Day\" = @d", "SupportHolidays")]
    [InlineData("SELECT * FROM \"Workers\" FOR UPDATE", "")]
    [InlineData("INSERT INTO \"AuditEvents\" (\"Id\") VALUES (1)", "")]
    public void A_statement_names_the_tables_it_writes(string sql, string table) =>
        Assert.Equal(table.Length == 0 ? [] : [table], DataChanges.TablesWritten(sql).ToArray());

    [Fact]
    public void A_write_moves_only_its_table_and_a_reading_is_kept_until_a_table_it_read_moves()
    {
        var changes = new DataChanges();
        TablesStamp stamp;
        using (var reading = changes.StartReading())
        {
            DataChanges.Reads("SELECT count(*) FROM \"Cases\" AS c INNER JOIN \"Workers\" AS w ON c.\"WorkerId\" = w.\"Id\"");
            stamp = reading.Stamp();
        }
        DataChanges.Reads("SELECT 1 FROM \"Holidays\"");   // no reading: nothing recorded
        Assert.Equal(["Cases", "Workers"], stamp.Versions.Keys.Order());
        changes.Written(null, "SupportHolidays");
        Assert.True(changes.Unchanged(stamp));
        changes.Written(null, "Workers");
        Assert.False(changes.Unchanged(stamp));
    }
}
