using System.Diagnostics;
using System.Globalization;

namespace Lachan.Bench;

/// <summary>Reproducible end-to-end benchmark: seeds a fresh database through the app's own `seed` verb, starts the
/// Release build as a separate process on loopback, measures lookups, name search and the profile page with bounded
/// request loops, reads the server's memory, and writes docs/performance.md and bench/results/*.json.</summary>
/// <remarks>Usage: dotnet run -c Release --project bench/Lachan.Bench -- [--workers 300000] [--cases 20000] [--postgres &lt;connstr&gt;]
/// [--requests 2000] [--seconds 120] [--db &lt;existing sqlite file&gt;] [--no-report] [--only &lt;part of a scenario name&gt;]; `rosters …`, `relief …` and `support …` run
/// their own scenarios (RosterBench, ReliefBench, SupportBench).</remarks>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var root = RepoRoot();
        var app = new AppProcess(Path.Combine(root, "src", "Lachan"), options);
        if (!File.Exists(app.Dll))
        {
            Console.Error.WriteLine($"{app.Dll} is missing: build with `dotnet build -c Release src/Lachan` (dotnet run -c Release of this project does it).");
            return 2;
        }
        if (args is ["rosters", ..])
            return await RosterBench.RunAsync(root, app, options, args);
        if (args is ["relief", ..])
            return await ReliefBench.RunAsync(root, app, options, args);
        if (args is ["support", ..])
            return await SupportBench.RunAsync(root, app, options, args);
        var run = new BenchRun { StartedUtc = DateTime.UtcNow, Machine = MachineInfo.Read(), Workers = options.Workers, Provider = options.Provider, Commit = Git(root, "describe --always --dirty") };
        Console.WriteLine($"Lachan benchmark: {options.Workers:N0} workers on {options.Provider}; {run.Machine.Summary}");

        var temp = Path.Combine(Path.GetTempPath(), $"lachan-bench-{Environment.ProcessId}");
        try
        {
            if (options.ExistingDb is null)
            {
                Directory.CreateDirectory(temp);
                if (options.Postgres is null) app.ConnectionString = $"Data Source={Path.Combine(temp, "lachan.db")}";
                Console.WriteLine("Seeding…");
                var sw = Stopwatch.StartNew();
                var output = await app.RunVerbAsync(TimeSpan.FromMinutes(15), "seed", "--workers", options.Workers.ToString(CultureInfo.InvariantCulture),
                    "--cases", options.Cases.ToString(CultureInfo.InvariantCulture), "--reset");
                run.SeedSeconds = sw.Elapsed.TotalSeconds;
                run.SeedReportedSeconds = SeededSeconds(output);
                Console.WriteLine($"  seed: {run.SeedSeconds:F1} s wall (the verb reports {run.SeedReportedSeconds:F1} s for the load itself)");
            }
            var samples = await Samples.ReadAsync(options.Postgres is null ? app.ConnectionString : options.Postgres, options.Postgres is not null, options.Requests);
            run.WorkersInDb = samples.WorkerCount;

            var caseIds = await Samples.CaseIdsAsync(options.Postgres ?? app.ConnectionString!, options.Postgres is not null);
            (run.Cases, run.Contacts, run.OpenQuarantineOrders) = (caseIds.Count,
                await Samples.CountAsync(options.Postgres ?? app.ConnectionString!, options.Postgres is not null, "Contacts"),
                await Samples.CountAsync(options.Postgres ?? app.ConnectionString!, options.Postgres is not null, "QuarantineOrders", "ReleasedOn", "IS NULL"));
            var token = (await app.RunVerbAsync(TimeSpan.FromMinutes(2), "users", "token", "admin")).Trim().Split('\n')[^1].Trim();
            Console.WriteLine("Starting the app…");
            var startup = Stopwatch.StartNew();
            await using (var server = await app.StartAsync(TimeSpan.FromMinutes(5)))
            {
                run.StartupSeconds = startup.Elapsed.TotalSeconds;
                using var loops = new Scenarios(server.BaseAddress, token, options);
                run.Scenarios.Add(await loops.RunAsync("CCCD lookup", "GET /api/v1/workers?cccd=…", samples.Cccds.Select(c => "/api/v1/workers?cccd=" + c), 5,
                    (path, body) => body.Contains(path[^12..], StringComparison.Ordinal)));
                run.Scenarios.Add(await loops.RunAsync("Name search", "GET /api/v1/workers?q=… (no diacritics)", samples.Names.Select(n => "/api/v1/workers?q=" + Uri.EscapeDataString(n)), 50,
                    (_, body) => !body.Contains("\"total\":0", StringComparison.Ordinal)));
                run.Scenarios.Add(await loops.RunAsync("Worker profile page", "GET /Registry/Workers/{id}", samples.Ids.Select(i => $"/Registry/Workers/{i}"), 50));
                run.Scenarios.Add(await loops.RunAsync("Worker profile API", "GET /api/v1/workers/{id}", samples.Ids.Select(i => $"/api/v1/workers/{i}"), null));
                (run.RegistryRssMegabytes, _, run.RegistryFileMegabytes) = server.Memory();
                // The demo story's orders: four zones locked from 18/05/2021, reopening in stages until 08/06 (issue 4).
                var days = Enumerable.Range(0, 24).Select(d => new DateOnly(2021, 5, 18).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                run.Scenarios.Add(await loops.RunAsync("Affected on date D (province)", "GET /api/v1/affected?date=…", days.Select(d => "/api/v1/affected?date=" + d), 1000,
                    (_, body) => body.Contains("\"counts\"", StringComparison.Ordinal), maxRequests: 100));
                if (caseIds.Count > 0)
                {
                    run.Scenarios.Add(await loops.RunAsync("F1 suggestions", "GET /api/v1/cases/{id}/suggestions", caseIds.Select(i => $"/api/v1/cases/{i}/suggestions"), 100,
                        (_, body) => body.Contains("\"items\"", StringComparison.Ordinal)));
                    // every day from the wave's start (13/05/2021) through its peak (03/06) to the end of June: the peak days hold the
                    // most orders due (thousands per section); the list is paged per section, so this times the first page of each
                    var dueDays = Enumerable.Range(0, 49).Select(d => new DateOnly(2021, 5, 13).AddDays(d));
                    run.Scenarios.Add(await loops.RunAsync("Daily due list", "GET /api/v1/quarantine/due?date=…",
                        dueDays.Select(d => "/api/v1/quarantine/due?date=" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), 200));
                }
                // the steering committee's numbers of the day with their 28-day trends, for the province (issue 10: a page in 0.5 s)
                run.Scenarios.Add(await loops.RunAsync("Home numbers (province)", "GET /api/v1/home", ["/api/v1/home"], 500,
                    (_, body) => body.Contains("\"figures\"", StringComparison.Ordinal), maxRequests: 100));
                // the first count after a write (the kept answer is not used again): an administrator adds a day off far in
                // the future before each request, a write that changes no number but makes the home count afresh (ADR-0023)
                var firstDay = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 300_000));
                run.Scenarios.Add(await loops.RunAsync("Home numbers after a write (province)", "POST /api/v1/support/holidays, then GET /api/v1/home", ["/api/v1/home"], 500,
                    (_, body) => body.Contains("\"figures\"", StringComparison.Ordinal), maxRequests: 20,
                    before: async (http, i) =>
                    {
                        using var written = await http.PostAsync(new Uri("/api/v1/support/holidays", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(
                            new { day = firstDay.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = "Bench", source = "bench" }));
                        if (written.StatusCode != System.Net.HttpStatusCode.Created) throw new InvalidOperationException($"the write before the home count answered {(int)written.StatusCode}");
                    }));
                // the same after an outbreak write, which the day off above no longer is (each home section is kept until a table
                // it read is written): a case registered for the demo's day recounts the health numbers, not who is affected
                var benchCases = $"BENCH-{DateTime.UtcNow:HHmmss}-";
                var cccds = new Queue<string>(samples.Cccds);
                run.Scenarios.Add(await loops.RunAsync("Home numbers after a case (province)", "POST /api/v1/cases, then GET /api/v1/home", ["/api/v1/home"], 500,
                    (_, body) => body.Contains("\"figures\"", StringComparison.Ordinal), maxRequests: 20,
                    before: async (http, i) =>
                    {
                        while (cccds.TryDequeue(out var cccd))   // a worker with an active case already is refused: the next one
                        {
                            using var written = await http.PostAsync(new Uri("/api/v1/cases", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(
                                new { cccd, code = benchCases + i.ToString(CultureInfo.InvariantCulture), confirmedOn = "2021-05-25", testKind = "RT-PCR", testDate = "2021-05-24" }));
                            if (written.StatusCode == System.Net.HttpStatusCode.Created) return;
                            if (written.StatusCode != System.Net.HttpStatusCode.BadRequest) throw new InvalidOperationException($"the case before the home count answered {(int)written.StatusCode}");
                        }
                        throw new InvalidOperationException("no worker left to register a case for");
                    }));
                (run.RssMegabytes, run.PeakRssMegabytes, run.FileMegabytes) = server.Memory();
                Console.WriteLine($"  server memory: after the registry loops RSS {run.RegistryRssMegabytes:F0} MB ({run.RegistryFileMegabytes:F0} MB file-backed); " +
                                  $"after all loops RSS {run.RssMegabytes:F0} MB ({run.FileMegabytes:F0} MB file-backed), peak {run.PeakRssMegabytes:F0} MB");
            }
            run.Scenarios.RemoveAll(s => s.Skipped);
            run.FinishedUtc = DateTime.UtcNow;
            if (!options.NoReport) Report.Write(root, run);
            return run.Scenarios.Any(s => s.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private static double? SeededSeconds(string output)
    {
        var m = System.Text.RegularExpressions.Regex.Match(output, @"Seeded the demo province with [\d,.]+ workers in ([\d.]+) s");
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lachan.slnx"))) return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lachan.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (Lachan.slnx not found).");
    }

    internal static string? Git(string root, string arguments)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <param name="Only">Run only the scenarios whose name contains this (`--only "CCCD"`), to measure one figure before and
/// after a change without the whole run.</param>
internal sealed record BenchOptions(int Workers, int Cases, string? Postgres, int Requests, int Seconds, string? ExistingDb, bool NoReport, string? Only = null)
{
    public string Provider => Postgres is null ? "SQLite" : "PostgreSQL";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new(Int("--workers", 300_000), Int("--cases", 20_000), Value("--postgres"), Int("--requests", 2_000), Int("--seconds", 120), Value("--db"), args.Contains("--no-report"), Value("--only"));
    }
}
