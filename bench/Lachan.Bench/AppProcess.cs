using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Lachan.Bench;

/// <summary>The Release build of the app, run as its own process (`dotnet Lachan.dll …`) the way an operator runs
/// it: CLI verbs for seeding and tokens, and the web server on a free loopback port.</summary>
internal sealed class AppProcess(string projectDir, BenchOptions options)
{
    public string Dll { get; } = Path.Combine(projectDir, "bin", "Release", "net10.0", "Lachan.dll");
    public string? ConnectionString { get; set; } = options.Postgres ?? (options.ExistingDb is { } db ? $"Data Source={Path.GetFullPath(db)}" : null);

    /// <summary>The app's own files (uploads, the audit anchor file) for this bench run only: a fresh folder, so the anchor
    /// file of a database an earlier run dropped does not meet this run's database and raise a truncation alarm.
    /// Removed when the bench exits.</summary>
    public string DataDirectory { get; } = FreshDataDirectory();

    private static string FreshDataDirectory()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lachan-bench-data-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        };
        return folder;
    }

    public async Task<string> RunVerbAsync(TimeSpan limit, params string[] args)
    {
        using var p = Process.Start(Info(args)) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            throw new TimeoutException($"`{string.Join(' ', args)}` did not finish within {limit}.");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {p.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    public async Task<Server> StartAsync(TimeSpan limit)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var p = Process.Start(Info(["--urls", address.ToString().TrimEnd('/')])) ?? throw new InvalidOperationException("Could not start dotnet.");
        // the console logger writes to stdout: its failures (and their exceptions' first lines) are worth seeing under load
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.StartsWith("fail:", StringComparison.Ordinal) || line.Contains("Exception:", StringComparison.Ordinal)))
                Console.Error.WriteLine("  app: " + line);
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("  app: " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var server = new Server(p, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (p.HasExited) throw new InvalidOperationException($"The app exited with {p.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The app did not answer /health in time.");
    }

    internal ProcessStartInfo Info(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = projectDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["Database__Provider"] = options.Postgres is null ? "Sqlite" : "Postgres";
        info.Environment["ConnectionStrings__Lachan"] = ConnectionString ?? throw new InvalidOperationException("No database chosen.");
        info.Environment["Data__Directory"] = DataDirectory;
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Diagnostics__ServerTiming"] = "true"; // the server-side latency comes from this header
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The running app; disposing stops it (that process only).</summary>
    internal sealed class Server(Process process, Uri baseAddress) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        /// <summary>Current resident set and its peak (VmRSS, VmHWM from /proc), in MB.</summary>
        /// <summary>Resident memory in MB: total, peak, and the file-backed part (pages of the SQLite file mapped by
        /// mmap: the OS page cache, shared and reclaimable, not the app's heap).</summary>
        public (double Rss, double Peak, double File) Memory()
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            double Kb(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (Kb("VmRSS") / 1024, Kb("VmHWM") / 1024, Kb("RssFile") / 1024);
        }

        /// <summary>The server process's CPU time so far (user + system, all threads).</summary>
        public TimeSpan CpuTime()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
