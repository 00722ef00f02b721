using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lachan.Bench;

/// <summary>`dotnet run -c Release --project bench/Lachan.Bench -- relief [--workers 300000] [--cases 20000]
/// [--movements 1000000] [--requests 2000] [--seconds 120] [--clients 32] [--no-seed] [--form-only] [--rounds 1] [--pg-data &lt;dir&gt;] [--no-report] [--postgres &lt;connstr&gt;]`: the figures of
/// issue 11 — the public help form under a bounded load on loopback (`--clients` concurrent clients, each request from its own address, so
/// only the deliberate flood meets the rate limit), "no one left hungry" for the whole province, and the transparency
/// totals after the ledger is topped up to the given number of movements (compared with a direct sum). Appends to
/// docs/performance.md. `--no-seed` reuses the database of an earlier run (seeding 300,000 workers takes minutes): the
/// app's migrations still run, and the ledger is only topped up to the target. `--form-only` runs the public form (and the
/// flood) alone, without topping up the ledger: for repeated before/after runs of the form on a seeded database;
/// `--rounds N` runs the form N times on the same server (the first also pays for the JIT); `--pg-data` (a local
/// PostgreSQL's data folder) adds the database's CPU per create; `--no-report` leaves
/// docs/performance.md alone.</summary>
internal static class ReliefBench
{
    private const string AsOf = "2021-06-30";

    public static async Task<int> RunAsync(string root, AppProcess app, BenchOptions options, string[] args)
    {
        string? Value(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var movements = int.Parse(Value("--movements") ?? "1000000", CultureInfo.InvariantCulture);
        var clients = int.Parse(Value("--clients") ?? "32", CultureInfo.InvariantCulture);
        var seed = !args.Contains("--no-seed");
        var formOnly = args.Contains("--form-only");
        var pgData = Value("--pg-data");
        var rounds = int.Parse(Value("--rounds") ?? "1", CultureInfo.InvariantCulture);
        var postgres = options.Postgres is not null;
        var machine = MachineInfo.Read();
        Console.WriteLine($"Relief benchmark on {options.Provider}: {options.Workers:N0} workers, {movements:N0} ledger movements; {machine.Summary}");
        var temp = Path.Combine(Path.GetTempPath(), $"lachan-relief-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            if (!postgres && options.ExistingDb is null) app.ConnectionString = $"Data Source={Path.Combine(temp, "lachan.db")}";
            if (seed)
                await app.RunVerbAsync(TimeSpan.FromMinutes(20), "seed", "--workers", options.Workers.ToString(CultureInfo.InvariantCulture),
                    "--cases", options.Cases.ToString(CultureInfo.InvariantCulture), "--reset");
            else
                await app.RunVerbAsync(TimeSpan.FromMinutes(20), "migrate");
            var connection = app.ConnectionString!;
            var inLedger = formOnly ? 0 : await TopUpLedgerAsync(connection, postgres, movements);
            var moneyIn = formOnly ? 0 : await MoneyInAsync(connection, postgres);
            var communes = await CommunesAsync(connection, postgres);
            if (!formOnly) Console.WriteLine($"  ledger: {inLedger:N0} movements; money in up to {AsOf}: {moneyIn:N0} đ (direct sum)");
            var token = (await app.RunVerbAsync(TimeSpan.FromMinutes(2), "users", "token", "admin")).Trim().Split('\n')[^1].Trim();

            var results = new List<ScenarioResult>();
            double createdPerSecond;
            int flood429;
            await using (var server = await app.StartAsync(TimeSpan.FromMinutes(5)))
            {
                (var form, createdPerSecond) = await PublicFormRoundAsync(server, communes, options, clients, pgData);
                results.Add(form);
                // later rounds on the same server: the first one also pays for the JIT and EF's first queries
                for (var round = 2; round <= rounds; round++) await PublicFormRoundAsync(server, communes, options, clients, pgData);
                flood429 = await FloodAsync(server.BaseAddress, communes[0]);
                if (formOnly) return form.Errors > 0 ? 1 : 0;
                using var loops = new Scenarios(server.BaseAddress, token, options);
                var days = Enumerable.Range(0, 14).Select(d => new DateOnly(2021, 5, 18).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                results.Add(await loops.RunAsync("No one left hungry (province)", "GET /api/v1/relief/unreached?date=…&days=7",
                    days.Select(d => $"/api/v1/relief/unreached?date={d}&days=7"), 1000, (_, body) => body.Contains("\"total\"", StringComparison.Ordinal), maxRequests: 100));
                results.Add(await loops.RunAsync("Transparency totals", $"GET /api/v1/public/transparency?asOf={AsOf}", [$"/api/v1/public/transparency?asOf={AsOf}"], 200,
                    (_, body) => MoneyInOf(body) == moneyIn, maxRequests: 500));
            }
            if (!options.NoReport) Append(root, machine, options, inLedger, results, createdPerSecond, flood429, clients);
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>One run of the form with the CPU time it cost: the app's per create, and what the clients themselves take of
    /// the same cores.</summary>
    private static async Task<(ScenarioResult, double)> PublicFormRoundAsync(AppProcess.Server server, IReadOnlyList<string> communes, BenchOptions options, int clients, string? pgData)
    {
        var (serverCpu, benchCpu, dbCpu) = (server.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime, PostgresCpu(pgData));
        var (form, perSecond) = await PublicFormAsync(server.BaseAddress, communes, options, clients);
        var (serverMs, benchMs) = ((server.CpuTime() - serverCpu).TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - benchCpu).TotalMilliseconds);
        var db = pgData is null ? "" : $", PostgreSQL {(PostgresCpu(pgData) - dbCpu).TotalMilliseconds / form.Requests:F2} ms a request";
        Console.WriteLine($"  CPU during the form: app {serverMs / 1000:F1} s ({serverMs / form.Requests:F2} ms a request), bench clients {benchMs / 1000:F1} s ({benchMs / form.Requests:F2} ms a request){db} in {form.Seconds:F1} s wall; load average {File.ReadAllText("/proc/loadavg")[..14]}");
        return (form, perSecond);
    }

    /// <summary>CPU time of a local PostgreSQL's server and its backends (`--pg-data`: its data folder), from /proc.</summary>
    private static TimeSpan PostgresCpu(string? dataDir)
    {
        if (dataDir is null) return TimeSpan.Zero;
        var postmaster = File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First().Trim();
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // from the state on: ppid is f[1], utime f[11], stime f[12]
                if (Path.GetFileName(dir) == postmaster || f[1] == postmaster)
                    ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }   // the process ended meanwhile
        }
        return TimeSpan.FromSeconds(ticks / 100.0);   // USER_HZ
    }

    /// <summary>Creates requests from <paramref name="clients"/> clients at once; each request carries its own forwarded
    /// address (the app trusts loopback as its proxy), as a province of phones would. Counts 201 and 200 (merged) as done.
    /// The phones differ from run to run (a reused database would otherwise merge every request into the last run's).</summary>
    private static async Task<(ScenarioResult, double)> PublicFormAsync(Uri baseAddress, IReadOnlyList<string> communes, BenchOptions options, int clients)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var run = (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 9_000) * 10_000;
        var (server, client) = (new ConcurrentBag<double>(), new ConcurrentBag<double>());
        var (errors, created) = (0, 0);
        string? firstError = null;
        var names = new[] { "Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai", "Phạm Văn Nam", "Hoàng Thị Hoa", "Vũ Văn Dũng" };
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Requests), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
        {
            if (wall.Elapsed.TotalSeconds > options.Seconds) return;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/help-requests")
            {
                Content = JsonContent.Create(new
                {
                    name = names[i % names.Length], phone = $"09{run + i:00000000}", communeCode = communes[i % communes.Count],
                    address = $"Phòng {i % 40 + 1}", needs = new[] { i % 3 == 0 ? "medicine" : "food" }, note = "bench",
                }),
            };
            request.Headers.Add("X-Forwarded-For", $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}");
            var sw = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (TaskCanceledException e)   // the client's timeout: an error of the run, not the end of it
            {
                client.Add(sw.Elapsed.TotalMilliseconds);
                if (Interlocked.Increment(ref errors) == 1) firstError = $"timeout after {sw.Elapsed.TotalSeconds:F0} s: {e.Message}";
                return;
            }
            using var _ = response;
            var body = await response.Content.ReadAsStringAsync(ct);
            client.Add(sw.Elapsed.TotalMilliseconds);
            if (Scenarios.ServerMs(response) is double ms) server.Add(ms);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) Interlocked.Increment(ref created);
            else if (Interlocked.Increment(ref errors) == 1) firstError = $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}";
        });
        var result = new ScenarioResult
        {
            Name = "Public help form (create)", Request = $"POST /api/v1/public/help-requests, {clients} clients", Requests = client.Count, Errors = errors,
            FirstError = firstError, TargetP95Ms = 100, Seconds = wall.Elapsed.TotalSeconds, Server = Stats.Of([.. server]), Client = Stats.Of([.. client]),
        };
        var perSecond = created / wall.Elapsed.TotalSeconds;
        Console.WriteLine($"  public form: {created} created in {wall.Elapsed.TotalSeconds:F1} s = {perSecond:F0}/s; server p95 {result.Server.P95:F2} ms; {errors} errors{(firstError is null ? "" : $" (first: {firstError})")}");
        return (result, perSecond);
    }

    /// <summary>60 submissions at once from one address: the answers beyond the per-client limit are 429.</summary>
    private static async Task<int> FloodAsync(Uri baseAddress, string commune)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/help-requests")
            {
                Content = JsonContent.Create(new { name = "Người thử", phone = $"08{80_000_000 + i:00000000}", communeCode = commune, needs = new[] { "food" } }),
            };
            request.Headers.Add("X-Forwarded-For", "198.51.100.200");
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }));
        var refused = answers.Count(a => a == HttpStatusCode.TooManyRequests);
        Console.WriteLine($"  flood from one client: {refused} of 60 refused with 429");
        return refused;
    }

    /// <summary>Copies the demo's movements (as not reversing anything) until the ledger holds <paramref name="target"/>;
    /// copies keep their donations, items, days and values, so the totals grow and a direct sum stays the reference.</summary>
    private static async Task<long> TopUpLedgerAsync(string connectionString, bool postgres, int target)
    {
        await using var connection = Open(connectionString, postgres);
        await connection.OpenAsync();
        var q = postgres ? "\"" : "";
        const string columns = "At, Day, Reason, FromKind, FromRef, ToKind, ToRef, ItemId, DonationId, SourceKind, Quantity, Value, ReliefIssueId, By";
        var quoted = string.Join(", ", columns.Split(", ").Select(c => q + c + q));
        var copied = string.Join(", ", columns.Split(", ").Select(c => "m." + q + c + q));
        while (true)
        {
            var count = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {q}LedgerMovements{q}"), CultureInfo.InvariantCulture);
            if (count == 0) throw new InvalidOperationException("The demo province has no ledger to copy.");
            if (count >= target) return count;
            await using var cmd = connection.CreateCommand();
            cmd.CommandTimeout = 600;
            cmd.CommandText = $"INSERT INTO {q}LedgerMovements{q} ({quoted}) SELECT {copied} FROM {q}LedgerMovements{q} m ORDER BY m.{q}Id{q} LIMIT {target - count}";
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> MoneyInAsync(string connectionString, bool postgres)
    {
        await using var connection = Open(connectionString, postgres);
        await connection.OpenAsync();
        var q = postgres ? "\"" : "";
        return Convert.ToInt64(await ScalarAsync(connection,
            $"SELECT COALESCE(SUM(CASE WHEN {q}FromKind{q} = 'Donor' THEN {q}Value{q} WHEN {q}ToKind{q} = 'Donor' THEN -{q}Value{q} ELSE 0 END), 0) " +
            $"FROM {q}LedgerMovements{q} WHERE {q}ItemId{q} IS NULL AND {q}Day{q} <= '{AsOf}'"), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> CommunesAsync(string connectionString, bool postgres)
    {
        await using var connection = Open(connectionString, postgres);
        await connection.OpenAsync();
        var q = postgres ? "\"" : "";
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT {q}CommuneCode{q} FROM {q}LodgingHouses{q} ORDER BY 1";
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    private static long? MoneyInOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("money").GetProperty("in").GetInt64();
    }

    private static DbConnection Open(string connectionString, bool postgres) =>
        postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static void Append(string root, MachineInfo machine, BenchOptions options, long movements, List<ScenarioResult> results, double createdPerSecond, int flood429, int clients)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"\n## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — relief on {options.Provider}\n");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Summary}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Commit: `{BenchProgram.Git(root, "describe --always --dirty")}`; command: `dotnet run -c Release --project bench/Lachan.Bench -- relief --workers {options.Workers} --movements {movements}{(options.Postgres is null ? "" : " --postgres …")}`");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Public form: {createdPerSecond:F0} requests created per second ({clients} clients; target ≥ 500/s); a flood of 60 from one client: {flood429} answered 429.\n");
        sb.AppendLine("| scenario | requests | errors | server p50 / p95 ms | target p95 | met |\n|---|---|---|---|---|---|");
        foreach (var r in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Requests} | {r.Errors} | {r.Server.P50:F1} / {r.Server.P95:F1} | {r.TargetP95Ms} | {(r.MeetsTarget == true ? "yes" : "no")} |");
        File.AppendAllText(Path.Combine(root, "docs", "performance.md"), sb.ToString());
        Console.WriteLine(sb.ToString());
    }
}
