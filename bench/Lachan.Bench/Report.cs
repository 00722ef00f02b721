using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Lachan.Bench;

internal sealed class BenchRun
{
    public DateTime StartedUtc { get; init; }
    public DateTime FinishedUtc { get; set; }
    public string? Commit { get; init; }
    public required MachineInfo Machine { get; init; }
    public required string Provider { get; init; }
    public int Workers { get; init; }
    public int WorkersInDb { get; set; }
    public int Cases { get; set; }
    public int Contacts { get; set; }
    public int OpenQuarantineOrders { get; set; }
    public double? SeedSeconds { get; set; }
    public double? SeedReportedSeconds { get; set; }
    public double StartupSeconds { get; set; }
    public double RssMegabytes { get; set; }
    public double PeakRssMegabytes { get; set; }
    /// <summary>File-backed part of the RSS (the SQLite file's memory map), after all loops.</summary>
    public double FileMegabytes { get; set; }
    /// <summary>RSS after the registry loops (lookups, search, profile), before the province-wide outbreak queries.</summary>
    public double RegistryRssMegabytes { get; set; }
    public double RegistryFileMegabytes { get; set; }
    public List<ScenarioResult> Scenarios { get; } = [];
}

internal sealed record MachineInfo(int Cores, string Cpu, double RamGigabytes, string Os, string Dotnet, string LoadAverage)
{
    public string Summary => $"{Cores} cores, {Cpu}, {RamGigabytes:F0} GB RAM, {Os}, {Dotnet}, load average {LoadAverage}";

    public static MachineInfo Read()
    {
        static string? Line(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(key is "PRETTY_NAME" ? '=' : ':', 2)[1].Trim().Trim('"')
            : null;
        var memKb = Line("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        return new(
            Environment.ProcessorCount,
            Line("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            memKb is null ? 0 : double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024,
            Line("/etc/os-release", "PRETTY_NAME") ?? RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?");
    }
}

/// <summary>Appends a section per run to docs/performance.md and keeps the raw numbers in bench/results/.</summary>
internal static class Report
{
    private const double SeedTargetSeconds = 60, RssTargetMegabytes = 300;
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string root, BenchRun run)
    {
        var results = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(results);
        var json = Path.Combine(results, $"{run.StartedUtc:yyyyMMdd-HHmmss}-{run.Provider.ToLowerInvariant()}-{run.Workers}.json");
        File.WriteAllText(json, JsonSerializer.Serialize(run, Json) + "\n");

        var doc = Path.Combine(root, "docs", "performance.md");
        if (!File.Exists(doc)) File.WriteAllText(doc, Header);
        File.AppendAllText(doc, Section(run, Path.GetRelativePath(root, json)));
        Console.WriteLine($"Wrote {Path.GetRelativePath(root, json)} and appended to docs/performance.md");
    }

    private static string Section(BenchRun run, string jsonPath)
    {
        var m = run.Machine;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"\n## {run.StartedUtc:yyyy-MM-dd HH:mm} UTC — {run.Provider}, {run.WorkersInDb:N0} workers");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Machine: {m.Cores} cores (`nproc`), {m.Cpu}, {m.RamGigabytes:F1} GB RAM, {m.Os}, {m.Dotnet}");
        sb.AppendLine(inv, $"- Load average when the run started: {m.LoadAverage} (the machine is shared; other work inflates the numbers)");
        sb.AppendLine(inv, $"- Commit: `{run.Commit ?? "?"}`; raw results: `{jsonPath}`");
        sb.AppendLine(inv, $"- Outbreak data: {run.Cases:N0} cases, {run.Contacts:N0} contacts, {run.OpenQuarantineOrders:N0} quarantine orders not released");
        sb.AppendLine();
        sb.AppendLine("| measure | result | target | met |");
        sb.AppendLine("|---|---|---|---|");
        if (run.SeedSeconds is double seed)
            sb.AppendLine(inv, $"| seed {run.Workers:N0} workers (`seed` verb, wall time incl. process start; load itself {run.SeedReportedSeconds:F1} s) | {seed:F1} s | ≤ {SeedTargetSeconds:F0} s | {Mark(seed <= SeedTargetSeconds)} |");
        foreach (var s in run.Scenarios.Where(s => s.TargetP95Ms is not null))
            sb.AppendLine(inv, $"| {s.Name} p95 (server) | {s.Server.P95:F2} ms | ≤ {s.TargetP95Ms:F0} ms | {Mark(s.MeetsTarget == true)} |");
        var app = run.Provider == "SQLite" ? "server" : "app (PostgreSQL's own processes not counted)";
        sb.AppendLine(inv, $"| {app} RSS after the registry loops (of it file-backed: the database's memory map) | {run.RegistryRssMegabytes:F0} MB ({run.RegistryFileMegabytes:F0} MB) | ≤ {RssTargetMegabytes:F0} MB | {Mark(run.RegistryRssMegabytes <= RssTargetMegabytes)} |");
        sb.AppendLine(inv, $"| {app} RSS after all loops incl. who is affected (file-backed; peak) | {run.RssMegabytes:F0} MB ({run.FileMegabytes:F0} MB; peak {run.PeakRssMegabytes:F0} MB) | — | |");
        sb.AppendLine();
        sb.AppendLine("| scenario | requests | errors | server p50 / p95 / p99 (ms) | client p50 / p95 / p99 (ms) | max client (ms) |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in run.Scenarios)
            sb.AppendLine(inv, $"| {s.Name}: `{s.Request}` | {s.Requests} | {s.Errors} | {s.Server.P50:F2} / {s.Server.P95:F2} / {s.Server.P99:F2} | {s.Client.P50:F2} / {s.Client.P95:F2} / {s.Client.P99:F2} | {s.Client.Max:F1} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"App start with the existing database: {run.StartupSeconds:F1} s to a healthy `/health`.");
        return sb.ToString();
    }

    private static string Mark(bool ok) => ok ? "yes" : "**no**";

    private const string Header = """
        # Performance

        Measured by the benchmark in `bench/Lachan.Bench` (reproducible; see below). Each run appends a section here and
        keeps its raw numbers in `bench/results/`.

        ```
        dotnet run -c Release --project bench/Lachan.Bench -- [--workers 300000] [--postgres "<connection string>"]
        ```

        What it does: (a) seeds a fresh database with the demo province through the app's `seed` verb and times it;
        (b) starts the Release build as its own process on a loopback port, issues an API token with `users token admin`,
        and runs bounded loops (2,000 requests or 120 s per scenario, one client, after 50 warm-up requests): CCCD lookup,
        name search without diacritics, the worker profile page, and the profile API. Server time is read from the app's
        `Server-Timing: app;dur=…` header; client time is the full loopback round trip. Samples are existing workers
        chosen with a fixed seed. (c) reads the server's resident memory (VmRSS, and the peak VmHWM) from `/proc`.

        Targets: seed 300,000 workers ≤ 60 s; CCCD lookup ≤ 5 ms p95; name search ≤ 50 ms p95; profile ≤ 50 ms p95;
        server RSS ≤ 300 MB. The "met" column compares the server-side p95 with the target.

        The development machines are shared (2 cores, several sessions building and testing at once), so each section
        records the load average at its start: a run at a load far above 2 measures the neighbours as much as the app.

        """;
}
