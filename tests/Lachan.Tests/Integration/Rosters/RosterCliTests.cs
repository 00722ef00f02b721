using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Rosters;
using Microsoft.EntityFrameworkCore;
using static Lachan.Tests.Integration.Rosters.RosterKit;

namespace Lachan.Tests.Integration.Rosters;

/// <summary>`import roster &lt;file&gt; --enterprise &lt;tax code&gt; [--as-of] [--commit] [--json]` run as an operator
/// runs it: the built Lachan.dll as a process on a database seeded by `seed --workers 500`.</summary>
public sealed class RosterCliTests : IDisposable
{
    private readonly TempFolder _dir = new();
    public void Dispose() => _dir.Dispose();

    internal static async Task<(int Code, string Out, string Err)> RunAsync(TestDatabase db, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // the folder of the build, where its appsettings.json and Resources are, as `dotnet Lachan.dll` is run
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lachan.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Database__Provider"] = db.Provider.ToString();
        start.Environment["ConnectionStrings__Lachan"] = db.ConnectionString;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["LANG"] = "C.UTF-8"; // not English: the messages are the Vietnamese ones
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Stdout must be exactly one JSON object (no log line, no progress).</summary>
    private static JsonElement OneJsonObject((int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        var text = run.Out.Trim();
        Assert.True(text.StartsWith('{') && text.EndsWith('}') && !text.Contains('\n'), "stdout is not one JSON object:\n" + run.Out);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static readonly string[] JsonCounts = ["rows", "valid", "errors", "created", "updated", "hired", "left", "moved", "recoveredLeadingZeros", "duplicatesInFile"];

    [Theory, BothProviders]
    public async Task Import_roster_with_json_previews_without_commit_and_writes_with_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var seed = await RunAsync(db, "seed", "--workers", "500");
        Assert.True(seed.Code == 0, seed.Out + seed.Err);

        // the enterprise with the most workers, and who they are
        (string TaxCode, List<Worker> Staff) target;
        await using (var ctx = Contexts.Open(db))
        {
            var best = await ctx.Set<Worker>().Where(w => w.CurrentEnterpriseId != null).GroupBy(w => w.CurrentEnterpriseId)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key!.Value).FirstAsync();
            target = (await ctx.Set<Enterprise>().Where(e => e.Id == best).Select(e => e.TaxCode).SingleAsync(),
                await ctx.Set<Worker>().AsNoTracking().Where(w => w.CurrentEnterpriseId == best).OrderBy(w => w.Id).ToListAsync());
        }
        var staff = target.Staff;
        Assert.True(staff.Count >= 3, $"only {staff.Count} workers");

        // all but the last two stay, the first gets a new phone; three new people (one CCCD typed as a number),
        // one of them listed twice; one row with a CCCD of the wrong length
        var kept = staff.Take(staff.Count - 2).ToList();
        var newPhone = staff[0].Phone == "0911000222" ? "0911000333" : "0911000222";
        var news = new[] { Person.New("Hà Văn Khánh", Sex.Male, 1996), Person.New("Thân Thị Ánh", Sex.Female, 2000), Person.New("Giáp Văn Việt", Sex.Male, 1993) };
        var rows = kept.Select((w, i) => Row(i + 1, Person.Of(w) with { Phone = i == 0 ? newPhone : null })).ToList();
        rows.Add(Row(rows.Count + 1, news[0]));
        rows.Add(Row(rows.Count + 1, news[1], numericCccd: true));
        rows.Add(Row(rows.Count + 1, news[2]));
        rows.Add(Row(rows.Count + 1, news[0]));
        rows.Add(Row(rows.Count + 1, Person.New("Dương Thị Nga", Sex.Female, 1998) with { Cccd = "0241980001" }));
        var file = Write(_dir.Root, "csv", Sheet(rows));
        var asOf = DateTime.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var expected = new Dictionary<string, int>
        {
            ["rows"] = kept.Count + 5, ["valid"] = kept.Count + 3, ["errors"] = 1, ["created"] = 3, ["updated"] = 1, ["hired"] = 3,
            ["left"] = 2, ["moved"] = 0, ["recoveredLeadingZeros"] = 1, ["duplicatesInFile"] = 1,
        };

        async Task<TableCounts> CountsAsync()
        {
            await using var ctx = Contexts.Open(db);
            return new TableCounts(await ctx.Set<Worker>().CountAsync(), await ctx.Set<Employment>().CountAsync(), await ctx.Set<Residence>().CountAsync(),
                await ctx.Set<MovementEvent>().CountAsync(), await ctx.AuditEvents.CountAsync(e => e.EntityType != Lachan.Features.Rosters.RosterPreviewAudit.EntityType));
        }
        var before = await CountsAsync();

        // preview only
        var preview = OneJsonObject(await RunAsync(db, "import", "roster", file, "--enterprise", target.TaxCode, "--as-of", asOf, "--json"));
        Assert.Equal(expected, Counts(preview, JsonCounts));
        Assert.False(preview.GetProperty("committed").GetBoolean());
        var error = Assert.Single(preview.GetProperty("errorList").EnumerateArray());
        Assert.Equal((FirstDataRow + kept.Count + 4, "Số CCCD", "Số CCCD phải gồm đúng 12 chữ số."),
            (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(before, await CountsAsync());
        // the preview shows the roster's people: its view is audited under the operator's account (A1)
        await using (var ctx = Contexts.Open(db))
        {
            var viewed = await ctx.AuditEvents.Where(e => e.EntityType == Lachan.Features.Rosters.RosterPreviewAudit.EntityType).ToListAsync();
            var view = Assert.Single(viewed);
            Assert.StartsWith("cli:", view.UserName);
            Assert.Contains(Path.GetFileName(file), view.After);
            Assert.Contains($"\"Total\":{kept.Count + 5}", view.After);
        }

        // commit
        var committed = OneJsonObject(await RunAsync(db, "import", "roster", file, "--enterprise", target.TaxCode, "--as-of", asOf, "--commit", "--json"));
        Assert.Equal(expected, Counts(committed, JsonCounts));
        Assert.True(committed.GetProperty("committed").GetBoolean());
        var after = await CountsAsync();
        Assert.Equal(before with
        {
            Workers = before.Workers + 3, Employments = before.Employments + 3, Movements = before.Movements + 3 + 2, Audits = before.Audits + 1,
        }, after);
        await using (var ctx = Contexts.Open(db))
        {
            var enterpriseId = await ctx.Set<Enterprise>().Where(e => e.TaxCode == target.TaxCode).Select(e => e.Id).SingleAsync();
            var cccds = news.Select(n => n.Cccd).ToList();
            Assert.Equal(3, await ctx.Set<Worker>().CountAsync(w => cccds.Contains(w.Cccd) && w.CurrentEnterpriseId == enterpriseId));
            Assert.Equal(newPhone, await ctx.Set<Worker>().Where(w => w.Id == staff[0].Id).Select(w => w.Phone).SingleAsync());
            var today = DateOnly.FromDateTime(DateTime.Today);
            foreach (var leaver in staff.TakeLast(2))
            {
                Assert.Null(await ctx.Set<Worker>().Where(w => w.Id == leaver.Id).Select(w => w.CurrentEnterpriseId).SingleAsync());
                Assert.True(await ctx.Set<MovementEvent>().AnyAsync(m => m.WorkerId == leaver.Id && m.Kind == MovementKind.Left && m.Date == today));
            }
        }

        // the same file once more, with --commit: nothing to change, nothing written
        var again = OneJsonObject(await RunAsync(db, "import", "roster", file, "--enterprise", target.TaxCode, "--as-of", asOf, "--commit", "--json"));
        Assert.True(again.GetProperty("changesNothing").GetBoolean());
        Assert.False(again.GetProperty("committed").GetBoolean());
        Assert.Equal((0, 0, 0, 0), (again.Count("created"), again.Count("updated"), again.Count("hired"), again.Count("left")));
        Assert.Equal(after, await CountsAsync());

        // the human-readable form says the same and an unknown enterprise is an operator error (exit 2)
        var text = await RunAsync(db, "import", "roster", file, "--enterprise", target.TaxCode, "--as-of", asOf);
        Assert.Equal(0, text.Code);
        Assert.Contains("Danh sách trùng khớp với dữ liệu hiện có", text.Out);
        var unknown = await RunAsync(db, "import", "roster", file, "--enterprise", "0000000000", "--json");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("0000000000", unknown.Err);
    }

    [Theory, BothProviders]
    public async Task Import_roster_commit_of_a_mass_layoff_needs_confirm_leavers_with_the_number(DatabaseProvider provider)
    {
        await using var app = await LachanApp.StartAsync(provider, Seed.Empty);
        var (w, file) = await RosterLeaversTests.MassLayoffAsync(app, _dir.Root);
        string[] args = ["import", "roster", file, "--enterprise", w.Own.TaxCode, "--as-of", RosterWorld.AsOfText, "--commit"];
        var before = await TableCounts.OfAsync(app);

        var refused = await RunAsync(app.Database, args);
        Assert.True(refused.Code == 1, $"exit {refused.Code}\n{refused.Out}\n{refused.Err}");
        Assert.Contains("13 người sẽ được ghi là đã nghỉ việc (93%", refused.Out);
        Assert.Contains("--confirm-leavers 13", refused.Out);
        var wrong = await RunAsync(app.Database, [.. args, "--confirm-leavers", "12"]);
        Assert.Equal(1, wrong.Code);
        Assert.Equal(before, await TableCounts.OfAsync(app));

        var committed = OneJsonObject(await RunAsync(app.Database, [.. args, "--confirm-leavers", "13", "--json"]));
        Assert.True(committed.GetProperty("committed").GetBoolean());
        Assert.Equal(13, committed.GetProperty("left").GetInt32());
        Assert.Equal(before.Audits + 1, (await TableCounts.OfAsync(app)).Audits);
    }
}
