using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Lachan.Bench;

/// <summary>Bounded request loops against the app on loopback: one client, requests one after another, at most
/// <see cref="BenchOptions.Requests"/> per scenario and <see cref="BenchOptions.Seconds"/> seconds. Server time comes
/// from the app's `Server-Timing: app;dur=…` header, client time is the full round trip including the body.</summary>
internal sealed class Scenarios(Uri baseAddress, string token, BenchOptions options) : IDisposable
{
    private const int WarmUp = 50;
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <param name="maxRequests">A smaller bound for heavy requests (a whole-province computation), so the loop stays short.</param>
    /// <param name="before">Done before each timed request, untimed (a write that makes the request count afresh).</param>
    public async Task<ScenarioResult> RunAsync(string name, string request, IEnumerable<string> paths, double? targetP95Ms, Func<string, string, bool>? check = null, int? maxRequests = null,
        Func<HttpClient, int, Task>? before = null)
    {
        if (options.Only is { } only && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            return new ScenarioResult { Name = name, Request = request, Skipped = true, Server = Stats.Of([]), Client = Stats.Of([]) };
        var list = paths.ToList();
        var requests = Math.Min(options.Requests, maxRequests ?? int.MaxValue);
        Console.WriteLine($"  {name}: {request}");
        for (var i = 0; i < Math.Min(Math.Min(WarmUp, requests / 10 + 1), list.Count); i++)   // JIT, query plans, caches: not counted
            using (await http.GetAsync(new Uri(list[^(i + 1)], UriKind.Relative))) { }

        var server = new List<double>(requests);
        var client = new List<double>(requests);
        var errors = 0;
        string? firstError = null;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests && wall.Elapsed.TotalSeconds < options.Seconds; i++)
        {
            var path = list[i % list.Count];
            if (before is not null) await before(http, i);
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            sw.Stop();
            client.Add(sw.Elapsed.TotalMilliseconds);
            if (ServerMs(response) is double ms) server.Add(ms);
            if (response.StatusCode != HttpStatusCode.OK || (check is not null && !check(path, body)))
            {
                errors++;
                firstError ??= $"{path} → {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}";
            }
        }
        var result = new ScenarioResult
        {
            Name = name, Request = request, Requests = client.Count, Errors = errors, FirstError = firstError, TargetP95Ms = targetP95Ms,
            Seconds = wall.Elapsed.TotalSeconds, Server = Stats.Of(server), Client = Stats.Of(client),
        };
        Console.WriteLine($"    {result.Requests} requests, {errors} errors; server p50/p95/p99 {result.Server.P50:F2}/{result.Server.P95:F2}/{result.Server.P99:F2} ms; " +
                          $"client p50/p95/p99 {result.Client.P50:F2}/{result.Client.P95:F2}/{result.Client.P99:F2} ms");
        if (firstError is not null) Console.WriteLine("    first error: " + firstError);
        return result;
    }

    internal static double? ServerMs(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return null;
        foreach (var part in values.SelectMany(v => v.Split([',', ';'], StringSplitOptions.TrimEntries)))
            if (part.StartsWith("dur=", StringComparison.Ordinal) && double.TryParse(part.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                return ms;
        return null;
    }

    public void Dispose() => http.Dispose();
}

internal sealed class ScenarioResult
{
    public required string Name { get; init; }
    public required string Request { get; init; }
    public int Requests { get; init; }
    public int Errors { get; init; }
    /// <summary>Left out by `--only`.</summary>
    public bool Skipped { get; init; }
    public string? FirstError { get; init; }
    public double? TargetP95Ms { get; init; }
    public double Seconds { get; init; }
    public required Stats Server { get; init; }
    public required Stats Client { get; init; }
    public bool? MeetsTarget => TargetP95Ms is double t ? Server.P95 <= t : null;
}

internal sealed record Stats(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles.</summary>
    public static Stats Of(List<double> values)
    {
        if (values.Count == 0) return new(0, 0, 0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        double P(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, Math.Round(sorted.Average(), 3), P(50), P(95), P(99), sorted[^1]);
    }
}
