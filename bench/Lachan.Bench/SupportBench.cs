using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lachan.Bench;

/// <summary>`dotnet run -c Release --project bench/Lachan.Bench -- support [--workers 300000] [--cases 20000]
/// [--lists 3000] [--rate 200] [--seconds 30] [--postgres &lt;connstr&gt;]`: the figures of issue 12 on a seeded demo
/// province. Seeding (the `seed` verb, then lists at Appraised written directly) is not timed. Then:
/// (c) approvals under a bounded parallel load — every list approved from two app processes (PostgreSQL; one process
/// on SQLite, whose deployment is one node) at nearly the same moment, at the given rate for the given seconds — and the
/// database counted afterwards for duplicate decisions and duplicate approvals of a worker in a policy period;
/// (a) `support check` of a 50,000-row file for one enterprise against the registry and the earlier lists and
/// approvals (those of (c)), timed as the verb's wall time less that of a one-row file (process start, model, JIT);
/// (b) drafting the candidate lists of the 2021 wave (POST /support/lists/candidates) for a month, province-wide
/// (`--no-seed --candidates-only`: this alone, on the database an earlier run seeded).
/// Prints the figures; the raw numbers go to bench/results/. docs/performance.md is written by hand.</summary>
internal static class SupportBench
{
    private const string Policy = "QD08-G1";
    private static readonly DateOnly Month = new(2022, 4, 1);
    // list i holds the workers at positions [10i, 10i + 10) by id; every fifth list also the first worker of the next
    // list, so some approvals race for the same worker as well as for the same list
    private const int RowsPerList = 10, SharedEvery = 5;
    private const int CheckRows = 50_000;
    private const long Amount = 500_000;

    public static async Task<int> RunAsync(string root, AppProcess app, BenchOptions options, string[] args)
    {
        string? Value(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var (lists, rate, seconds) = (Int("--lists", 3000), Int("--rate", 200), Int("--load-seconds", 30));
        var postgres = options.Postgres is not null;
        var result = new SupportRun { Provider = options.Provider, Machine = MachineInfo.Read(), Commit = BenchProgram.Git(root, "describe --always --dirty"), StartedUtc = DateTime.UtcNow };
        Console.WriteLine($"Support benchmark on {options.Provider}: {options.Workers:N0} workers, {lists:N0} lists at Appraised, {rate}/s for {seconds} s; {result.Machine.Summary}");
        var temp = Path.Combine(Path.GetTempPath(), $"lachan-support-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(temp);
        try
        {
            if (!postgres && options.ExistingDb is null) app.ConnectionString = $"Data Source={Path.Combine(temp, "lachan.db")}";
            // --no-seed: a PostgreSQL database seeded by an earlier run (its lists stay; new ones are added)
            if (options.ExistingDb is null && !args.Contains("--no-seed"))
            {
                var sw = Stopwatch.StartNew();
                await app.RunVerbAsync(TimeSpan.FromMinutes(20), "seed", "--workers", options.Workers.ToString(CultureInfo.InvariantCulture),
                    "--cases", options.Cases.ToString(CultureInfo.InvariantCulture), "--reset");
                Console.WriteLine($"  seed (not counted): {sw.Elapsed.TotalSeconds:F0} s");
            }
            var connection = app.ConnectionString!;
            foreach (var (user, role) in new[] { ("benchsld", "LabourDepartment"), ("benchsteer", "Steering") })
                try
                {
                    await app.RunVerbAsync(TimeSpan.FromMinutes(2), "users", "create", user, "--role", role, "--scope", "24");
                }
                catch (InvalidOperationException) when (args.Contains("--no-seed")) { }   // made by the earlier run
            var sld = LastLine(await app.RunVerbAsync(TimeSpan.FromMinutes(2), "users", "token", "benchsld"));
            var steer = LastLine(await app.RunVerbAsync(TimeSpan.FromMinutes(2), "users", "token", "benchsteer"));
            // --candidates-only: (b) alone, again and again on one seeded database (the earlier run's drafts are removed first)
            if (args.Contains("--candidates-only"))
            {
                await CandidatesAsync(app, connection, postgres, steer, result);
                result.FinishedUtc = DateTime.UtcNow;
                Write(root, result);
                return result.Candidates.All(c => c.Status == 200) ? 0 : 1;
            }
            var ids = await SeedAppraisedListsAsync(connection, postgres, lists);
            Console.WriteLine($"  {ids.Count:N0} lists of {RowsPerList} rows at Appraised ({Policy}, {Month:MM/yyyy}; every {SharedEvery}th list shares a worker with the next)");

            // (c) approvals from two processes (one on SQLite)
            result.Load = await ApprovalLoadAsync(app, postgres ? 2 : 1, sld, ids, rate, seconds);
            result.Load.Counts = await CountApprovalsAsync(connection, postgres, ids);

            // (a) the 50,000-row check, after the approvals exist
            var (file, one, taxCode, rows) = await CheckFilesAsync(connection, postgres, temp);
            var month = Month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
            async Task<(double Seconds, string Output)> Check(string path)
            {
                var sw = Stopwatch.StartNew();
                var output = await app.RunVerbAsync(TimeSpan.FromMinutes(10), "support", "check", path, "--policy", Policy, "--enterprise", taxCode, "--month", month, "--json");
                return (sw.Elapsed.TotalSeconds, output);
            }
            await Check(one);   // the OS's file cache and the runtime's own first start, not counted
            var baseline = await Check(one);
            var full = await Check(file);
            using (var doc = JsonDocument.Parse(full.Output))
            {
                var entries = doc.RootElement.EnumerateArray().ToList();
                var reasons = entries.SelectMany(e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString() ?? ""))
                    .GroupBy(c => c).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
                result.Check = new CheckResult(rows, entries.Count, entries.Count(e => e.GetProperty("eligible").GetBoolean()), full.Seconds, baseline.Seconds,
                    full.Seconds - baseline.Seconds, taxCode, reasons);
            }
            Console.WriteLine($"  (a) support check of {rows:N0} rows: {full.Seconds:F2} s wall, a one-row file {baseline.Seconds:F2} s → {result.Check.Seconds:F2} s for the rows " +
                              $"(target ≤ 5 s); {result.Check.Eligible:N0} eligible; reasons: {string.Join(", ", result.Check.Reasons.Take(8).Select(r => $"{r.Key} {r.Value:N0}"))}");

            await CandidatesAsync(app, connection, postgres, steer, result);
            result.Counts = new Dictionary<string, long>
            {
                ["workers"] = await CountAsync(connection, postgres, "Workers"), ["cases"] = await CountAsync(connection, postgres, "Cases"),
                ["insuredMonths"] = await CountAsync(connection, postgres, "SupportInsuredMonths"), ["employments"] = await CountAsync(connection, postgres, "Employments"),
            };
            result.FinishedUtc = DateTime.UtcNow;
            Write(root, result);
            var ok = result.Load.Counts.DuplicateDecisions == 0 && result.Load.Counts.DuplicateWorkerPeriods == 0 && result.Load.Counts.ApprovalsOfUnapprovedLists == 0;
            return ok && result.Candidates.All(c => c.Status == 200) ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Lists at Appraised written directly (the chain's steps up to the district are not what is measured):
    /// list i of enterprise i mod E holds the workers at positions [10i, 10i + 10) by id, all eligible and insured, and every
    /// fifth list the next list's first worker too.</summary>
    private static async Task<List<int>> SeedAppraisedListsAsync(string connectionString, bool postgres, int count)
    {
        await using var c = Open(connectionString, postgres);
        await c.OpenAsync();
        var versionId = Convert.ToInt32(await ScalarAsync(c,
            $"SELECT v.\"Id\" FROM \"SupportPolicyVersions\" v JOIN \"SupportPolicies\" p ON p.\"Id\" = v.\"PolicyId\" WHERE p.\"Code\" = '{Policy}' ORDER BY v.\"Id\" LIMIT 1"), CultureInfo.InvariantCulture);
        var enterprises = new List<(int Id, string Tax, string District)>();
        await using (var cmd = Command(c, "SELECT \"Id\", \"TaxCode\", \"DistrictCode\" FROM \"Enterprises\" WHERE \"ProvinceCode\" = '24' ORDER BY \"Id\""))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) enterprises.Add((r.GetInt32(0), r.GetString(1), r.GetString(2)));
        var workers = new List<(int Id, string Cccd, string Name)>();
        await using (var cmd = Command(c, $"SELECT \"Id\", \"Cccd\", \"FullName\" FROM \"Workers\" ORDER BY \"Id\" LIMIT {(count + 1) * RowsPerList}"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) workers.Add((r.GetInt32(0), r.GetString(1), r.GetString(2)));

        await using var tx = await c.BeginTransactionAsync();
        var ids = new List<int>(count);
        var now = DateTime.UtcNow;
        var day = new DateOnly(2022, 4, 20);
        for (var i = 0; i < count; i++)
        {
            var e = enterprises[i % enterprises.Count];
            await using var cmd = Command(c,
                "INSERT INTO \"SupportLists\" (\"PolicyCode\", \"PolicyVersionId\", \"EnterpriseId\", \"TaxCode\", \"ZoneCode\", \"DistrictCode\", \"ProvinceCode\", " +
                "\"PeriodStart\", \"PeriodEnd\", \"PeriodKey\", \"Form\", \"Origin\", \"State\", \"CreatedBy\", \"CreatedAt\", \"PostedOn\", \"SubmittedOn\", " +
                "\"InsuranceConfirmedOn\", \"AppraisedOn\", \"DueOn\", \"Version\") VALUES (@p, @v, @e, @t, NULL, @d, '24', @s, @end, @s, 'Mẫu 02', 'Roster', 'Appraised', " +
                "'bench', @now, @day, @day, @day, @day, @due, 4) RETURNING \"Id\"", tx);
            Add(cmd, "p", Policy); Add(cmd, "v", versionId); Add(cmd, "e", e.Id); Add(cmd, "t", e.Tax); Add(cmd, "d", e.District);
            Add(cmd, "s", Month); Add(cmd, "end", Month.AddMonths(1).AddDays(-1)); Add(cmd, "now", now); Add(cmd, "day", day); Add(cmd, "due", day.AddDays(10));
            ids.Add(Convert.ToInt32(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }
        var values = new List<string>();
        async Task Flush()
        {
            if (values.Count == 0) return;
            await using var cmd = Command(c,
                "INSERT INTO \"SupportListRows\" (\"SupportListId\", \"RowNo\", \"Cccd\", \"WorkerId\", \"FullName\", \"AmountAsked\", \"AmountComputed\", \"Eligible\", " +
                "\"ReasonsJson\", \"Insured\", \"Withdrawn\") VALUES " + string.Join(", ", values), tx);
            await cmd.ExecuteNonQueryAsync();
            values.Clear();
        }
        var (yes, no) = postgres ? ("TRUE", "FALSE") : ("1", "0");
        for (var i = 0; i < ids.Count; i++)
            for (var k = 0; k < RowsPerList + (i % SharedEvery == 0 ? 1 : 0); k++)
            {
                var w = workers[i * RowsPerList + k];
                values.Add(FormattableString.Invariant($"({ids[i]}, {k + 1}, '{w.Cccd}', {w.Id}, '{w.Name.Replace("'", "''", StringComparison.Ordinal)}', {Amount}, {Amount}, {yes}, '[]', {yes}, {no})"));
                if (values.Count == 1000) await Flush();
            }
        await Flush();
        await tx.CommitAsync();
        return ids;
    }

    /// <summary>Approves every list from each of <paramref name="processes"/> app processes at nearly the same moment:
    /// one list per tick, a request to each process, ticks at rate/processes per second, for at most the given seconds
    /// and at most the lists there are. Bounded: the requests are counted before they start.</summary>
    private static async Task<LoadResult> ApprovalLoadAsync(AppProcess app, int processes, string token, List<int> ids, int rate, int seconds)
    {
        var servers = new List<AppProcess.Server>();
        try
        {
            for (var i = 0; i < processes; i++) servers.Add(await app.StartAsync(TimeSpan.FromMinutes(5)));
            var clients = servers.Select(s => Client(s.BaseAddress, token, 256)).ToList();
            // warm-up: JIT and plans on each process, on a list that is then not counted
            foreach (var (warm, k) in clients.Select((h, k) => (h, k)))
                using (await warm.PostAsJsonAsync($"/api/v1/support/lists/{ids[^(k + 1)]}/approve", new { decisionNo = "warm/QĐ-UBND" })) { }
            var ticks = Math.Min(ids.Count - processes, rate * seconds / processes);
            var interval = TimeSpan.FromSeconds((double)processes / rate);
            var (server, client) = (new ConcurrentBag<double>(), new ConcurrentBag<double>());
            var statuses = new ConcurrentDictionary<int, int>();
            string? firstError = null;
            var wall = Stopwatch.StartNew();
            var tasks = new List<Task>(ticks * processes);
            for (var t = 0; t < ticks; t++)
            {
                var due = interval * t;
                if (wall.Elapsed < due) await Task.Delay(due - wall.Elapsed);
                var id = ids[t];
                foreach (var (http, k) in clients.Select((h, k) => (h, k)))
                    tasks.Add(Task.Run(async () =>
                    {
                        var sw = Stopwatch.StartNew();
                        try
                        {
                            using var response = await http.PostAsJsonAsync($"/api/v1/support/lists/{id}/approve", new { decisionNo = $"{id}-{k}/QĐ-UBND" });
                            var body = await response.Content.ReadAsStringAsync();
                            client.Add(sw.Elapsed.TotalMilliseconds);
                            if (Scenarios.ServerMs(response) is double ms) server.Add(ms);
                            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                            if ((int)response.StatusCode >= 500) Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}", null);
                        }
                        catch (HttpRequestException)
                        {
                            statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
                        }
                        catch (TaskCanceledException)
                        {
                            statuses.AddOrUpdate(-1, 1, (_, n) => n + 1);
                        }
                    }));
            }
            var sent = wall.Elapsed.TotalSeconds;
            await Task.WhenAll(tasks);
            foreach (var h in clients) h.Dispose();
            var load = new LoadResult(processes, rate, tasks.Count, ticks, sent, wall.Elapsed.TotalSeconds, Stats.Of([.. server]), Stats.Of([.. client]),
                statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value));
            Console.WriteLine($"  (c) approvals: {load.Requests:N0} requests ({ticks:N0} lists × {processes} processes) sent in {sent:F1} s at {rate}/s, all answered after {load.Seconds:F1} s; " +
                              $"status {string.Join(", ", load.Statuses.Select(s => $"{s.Key}: {s.Value:N0}"))}; server p50/p95/p99 {load.Server.P50:F1}/{load.Server.P95:F1}/{load.Server.P99:F1} ms; " +
                              $"client p50/p95/p99 {load.Client.P50:F1}/{load.Client.P95:F1}/{load.Client.P99:F1} ms");
            if (firstError is not null) Console.WriteLine("    first 5xx: " + firstError);
            return load;
        }
        finally
        {
            foreach (var s in servers) await s.DisposeAsync();
        }
    }

    /// <summary>What the database holds after the load: decisions per list, approvals per worker and policy period,
    /// approvals of a list that is not approved (none may exist), and how the lists ended.</summary>
    private static async Task<ApprovalCounts> CountApprovalsAsync(string connectionString, bool postgres, List<int> ids)
    {
        await using var c = Open(connectionString, postgres);
        await c.OpenAsync();
        async Task<long> Long(string sql) => Convert.ToInt64(await ScalarAsync(c, sql), CultureInfo.InvariantCulture);
        var counts = new ApprovalCounts(
            await Long("SELECT COUNT(*) FROM (SELECT \"SupportListId\" FROM \"SupportDecisions\" GROUP BY \"SupportListId\" HAVING COUNT(*) > 1) x"),
            await Long("SELECT COUNT(*) FROM (SELECT 1 FROM \"SupportApprovals\" GROUP BY \"PolicyCode\", \"PeriodStart\", \"WorkerId\" HAVING COUNT(*) > 1) x"),
            await Long("SELECT COUNT(*) FROM \"SupportApprovals\" a JOIN \"SupportLists\" l ON l.\"Id\" = a.\"SupportListId\" WHERE l.\"State\" <> 'Approved'"),
            await Long($"SELECT COUNT(*) FROM \"SupportLists\" WHERE \"Id\" BETWEEN {ids[0]} AND {ids[^1]} AND \"State\" = 'Approved'"),
            await Long($"SELECT COUNT(*) FROM \"SupportLists\" WHERE \"Id\" BETWEEN {ids[0]} AND {ids[^1]} AND \"State\" = 'Appraised'"),
            await Long($"SELECT COUNT(*) FROM \"SupportApprovals\" WHERE \"SupportListId\" BETWEEN {ids[0]} AND {ids[^1]}"),
            await Long($"SELECT COUNT(*) FROM \"SupportListRows\" r JOIN \"SupportLists\" l ON l.\"Id\" = r.\"SupportListId\" WHERE l.\"Id\" BETWEEN {ids[0]} AND {ids[^1]} " +
                       "AND l.\"State\" = 'Approved' AND r.\"ReasonsJson\" LIKE '%LIST-APPROVED-TWICE%'"));
        Console.WriteLine($"  (c) in the database: {counts.ListsApproved:N0} lists approved, {counts.ListsStillAppraised:N0} still at Appraised, {counts.Approvals:N0} approvals " +
                          $"({counts.RowsLeftOutAsApprovedElsewhere:N0} rows left out as approved on a neighbour); duplicate decisions {counts.DuplicateDecisions}, " +
                          $"duplicate worker/policy periods {counts.DuplicateWorkerPeriods}, approvals of a list not approved {counts.ApprovalsOfUnapprovedLists}");
        return counts;
    }

    /// <summary>The 50,000-row file: every worker employed by the enterprise with the most workers in the month, then
    /// workers by id from position 12,000 (half of them on the lists of (c), approved or listed), then 1% repeated rows;
    /// and a one-row file of the same enterprise for the baseline.</summary>
    private static async Task<(string File, string One, string TaxCode, int Rows)> CheckFilesAsync(string connectionString, bool postgres, string temp)
    {
        await using var c = Open(connectionString, postgres);
        await c.OpenAsync();
        var (start, end) = (Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Month.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var taxCode = (string)(await ScalarAsync(c,
            "SELECT e.\"TaxCode\" FROM \"Employments\" j JOIN \"Enterprises\" e ON e.\"Id\" = j.\"EnterpriseId\" " +
            $"WHERE j.\"From\" <= '{end}' AND (j.\"To\" IS NULL OR j.\"To\" >= '{start}') GROUP BY e.\"TaxCode\" ORDER BY COUNT(*) DESC, e.\"TaxCode\" LIMIT 1"))!;
        var people = new List<(string Cccd, string Name)>();
        var seen = new HashSet<string>();
        async Task Read(string sql)
        {
            await using var cmd = Command(c, sql);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync() && people.Count < CheckRows * 99 / 100)
                if (seen.Add(r.GetString(0))) people.Add((r.GetString(0), r.GetString(1)));
        }
        await Read("SELECT w.\"Cccd\", w.\"FullName\" FROM \"Employments\" j JOIN \"Enterprises\" e ON e.\"Id\" = j.\"EnterpriseId\" JOIN \"Workers\" w ON w.\"Id\" = j.\"WorkerId\" " +
                   $"WHERE e.\"TaxCode\" = '{taxCode}' AND j.\"From\" <= '{end}' AND (j.\"To\" IS NULL OR j.\"To\" >= '{start}') ORDER BY w.\"Id\"");
        var ofEnterprise = people.Count;
        await Read($"SELECT \"Cccd\", \"FullName\" FROM \"Workers\" ORDER BY \"Id\" LIMIT {CheckRows * 2} OFFSET 12000");
        for (var i = 0; people.Count < CheckRows; i += 97) people.Add(people[i % people.Count]);
        Console.WriteLine($"  check file: {people.Count:N0} rows, {ofEnterprise:N0} of them the workers of {taxCode} in {Month:MM/yyyy}");
        string Csv(IEnumerable<(string Cccd, string Name)> rows)
        {
            var sb = new StringBuilder("STT,Họ và tên,Số CCCD,Số tiền đề nghị\n");
            var n = 0;
            foreach (var (cccd, name) in rows) sb.Append(CultureInfo.InvariantCulture, $"{++n},\"{name}\",{cccd},{Amount}\n");
            return sb.ToString();
        }
        var (file, one) = (Path.Combine(temp, "list-50000.csv"), Path.Combine(temp, "list-1.csv"));
        await File.WriteAllTextAsync(file, Csv(people), Encoding.UTF8);
        await File.WriteAllTextAsync(one, Csv(people.Take(1)), Encoding.UTF8);
        return (file, one, taxCode, people.Count);
    }

    /// <summary>(b) candidates of the 2021 wave, province-wide. The steering user's earlier drafts (a run before on the same
    /// database) are deleted first, or drafting would find every enterprise listed already and make nothing.</summary>
    private static async Task CandidatesAsync(AppProcess app, string connection, bool postgres, string steer, SupportRun result)
    {
        await using (var c = Open(connection, postgres))
        {
            await c.OpenAsync();
            const string Mine = "SELECT \"Id\" FROM \"SupportLists\" WHERE \"Origin\" = 'Candidates' AND \"CreatedBy\" = 'benchsteer'";
            await using var rows = Command(c, $"DELETE FROM \"SupportListRows\" WHERE \"SupportListId\" IN ({Mine})");
            var deleted = await rows.ExecuteNonQueryAsync();
            await using var lists = Command(c, $"DELETE FROM \"SupportLists\" WHERE \"Id\" IN ({Mine})");
            var deletedLists = await lists.ExecuteNonQueryAsync();
            if (deletedLists > 0) Console.WriteLine($"  an earlier run's drafts deleted: {deletedLists:N0} lists, {deleted:N0} rows");
        }
        var escalated = await EscalatedAsync(connection, postgres);
        await using (var server = await app.StartAsync(TimeSpan.FromMinutes(5)))
        {
            if (escalated >= 0) await StartupJobsDoneAsync(connection, postgres, escalated);
            using var http = Client(server.BaseAddress, steer, 64);
            await Draft(http, "04/2021");   // JIT and plans: a month before the wave, not counted
            foreach (var m in new[] { "05/2021", "06/2021" })
                result.Candidates.Add(await Draft(http, m));
        }
        foreach (var c in result.Candidates)
            Console.WriteLine($"  (b) candidates {c.Month}: {c.Seconds:F2} s (server {c.ServerMs / 1000:F2} s; target ≤ 10 s), {c.Lists} lists drafted, {c.Rows:N0} rows; HTTP {c.Status}");
    }

    /// <summary>The relief module's escalation job starts with the app and escalates up to 1,000 overdue help requests
    /// (the seeded province has ~38,000) in one transaction that holds the audit chain's lock, one audited save each:
    /// 10–35 s on a loaded machine, during which the candidates' own audited save waits for the lock. That is the
    /// relief job's cost, not drafting's: the drafts are timed once its first run has committed (or after 90 s).</summary>
    private static async Task StartupJobsDoneAsync(string connection, bool postgres, long escalatedBefore)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(90) && await EscalatedAsync(connection, postgres) == escalatedBefore)
            await Task.Delay(500);
        Console.WriteLine($"  waited {sw.Elapsed.TotalSeconds:F0} s for the app's startup job (relief escalation) to commit");
    }

    /// <summary>Help requests escalated so far; -1 when none is open (the job has nothing to do, nothing to wait for).</summary>
    private static async Task<long> EscalatedAsync(string connection, bool postgres)
    {
        await using var c = Open(connection, postgres);
        await c.OpenAsync();
        if (Convert.ToInt64(await ScalarAsync(c, "SELECT COUNT(*) FROM \"HelpRequests\" WHERE \"EscalatedAt\" IS NULL AND \"Status\" IN (1, 2)"), CultureInfo.InvariantCulture) == 0)
            return -1;
        return Convert.ToInt64(await ScalarAsync(c, "SELECT COUNT(*) FROM \"HelpRequests\" WHERE \"EscalatedAt\" IS NOT NULL"), CultureInfo.InvariantCulture);
    }

    private static async Task<CandidateResult> Draft(HttpClient http, string month)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/api/v1/support/lists/candidates", new { month });
        var body = await response.Content.ReadAsStringAsync();
        var seconds = sw.Elapsed.TotalSeconds;
        var (lists, rows) = (0, 0);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var d in doc.RootElement.EnumerateArray()) { lists++; rows += d.GetProperty("rows").GetInt32(); }
        }
        else Console.WriteLine($"    candidates {month}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        return new CandidateResult(month, seconds, Scenarios.ServerMs(response) ?? 0, lists, rows, (int)response.StatusCode);
    }

    private static HttpClient Client(Uri baseAddress, string token, int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static string LastLine(string output) => output.Trim().Split('\n')[^1].Trim();

    private static async Task<long> CountAsync(string connectionString, bool postgres, string table)
    {
        await using var c = Open(connectionString, postgres);
        await c.OpenAsync();
        return Convert.ToInt64(await ScalarAsync(c, $"SELECT COUNT(*) FROM \"{table}\""), CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(string connectionString, bool postgres) =>
        postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString + ";Default Timeout=60");

    private static DbCommand Command(DbConnection c, string sql, DbTransaction? tx = null)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.CommandTimeout = 600;
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, string sql)
    {
        await using var cmd = Command(c, sql);
        return await cmd.ExecuteScalarAsync();
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Write(string root, SupportRun run)
    {
        var dir = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{run.StartedUtc:yyyyMMdd-HHmmss}-support-{run.Provider.ToLowerInvariant()}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(run, Json) + "\n");
        Console.WriteLine($"Wrote {Path.GetRelativePath(root, path)}; commit {run.Commit}; load average at the start {run.Machine.LoadAverage}");
    }

    internal sealed class SupportRun
    {
        public required string Provider { get; init; }
        public required MachineInfo Machine { get; init; }
        public string? Commit { get; init; }
        public DateTime StartedUtc { get; init; }
        public DateTime FinishedUtc { get; set; }
        public LoadResult? Load { get; set; }
        public CheckResult? Check { get; set; }
        public List<CandidateResult> Candidates { get; } = [];
        public Dictionary<string, long> Counts { get; set; } = [];
    }

    internal sealed record LoadResult(int Processes, int Rate, int Requests, int Lists, double SentSeconds, double Seconds, Stats Server, Stats Client, Dictionary<string, int> Statuses)
    {
        public ApprovalCounts? Counts { get; set; }
    }

    internal sealed record ApprovalCounts(long DuplicateDecisions, long DuplicateWorkerPeriods, long ApprovalsOfUnapprovedLists, long ListsApproved,
        long ListsStillAppraised, long Approvals, long RowsLeftOutAsApprovedElsewhere);

    internal sealed record CheckResult(int Rows, int Entries, int Eligible, double WallSeconds, double BaselineSeconds, double Seconds, string TaxCode, Dictionary<string, int> Reasons);

    internal sealed record CandidateResult(string Month, double Seconds, double ServerMs, int Lists, int Rows, int Status);
}
