using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

/// <summary>`support check &lt;file&gt; --policy &lt;code&gt; --enterprise &lt;tax code&gt; --month MM/yyyy [--json]`: every
/// row of an employer's list checked as the chain would (the policy's rules and the earlier lists and approvals);
/// reads only, writes nothing.</summary>
public static class ListCheckCommand
{
    public const string Usage = "support check <file> --policy <code> --enterprise <tax code> --month MM/yyyy [--json]";

    public sealed record Entry(int Row, string Cccd, bool Eligible, long Amount, IReadOnlyList<RowReason> Reasons);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true,
    };

    /// <summary>The arguments after `support check`: the file, then the options.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args) =>
        args is [var file, .. var options] ? RunAsync(services, file, options) : throw new CommandLineException("Usage: " + Usage);

    public static async Task<int> RunAsync(IServiceProvider services, string file, string[] options)
    {
        var policy = CommandLine.Option(options, "--policy") ?? throw new CommandLineException("--policy <code> is required.");
        var taxCode = CommandLine.Option(options, "--enterprise") ?? throw new CommandLineException("--enterprise <tax code> is required.");
        var month = ListBuilder.ParseMonth(CommandLine.Option(options, "--month")) ?? throw new CommandLineException("--month MM/yyyy is required.");
        if (!File.Exists(file)) throw new CommandLineException($"No file {file}.");
        var checks = services.GetRequiredService<ListChecks>();
        var db = services.GetRequiredService<Infrastructure.Data.LachanDb>();
        if (!await db.Set<Enterprise>().AnyAsync(e => e.TaxCode == taxCode)) throw new CommandLineException($"No enterprise with tax code {taxCode}.");
        var target = await checks.TargetAsync(policy, taxCode, month, services.GetRequiredService<ProvinceCalendar>().Today, CancellationToken.None)
            ?? throw new CommandLineException($"No policy {policy} with a version covering {month:MM/yyyy}.");
        var (rows, errors) = ListFile.Read(file);
        if (errors.Count > 0)
        {
            foreach (var e in errors) Console.Error.WriteLine($"row {e.Row} {e.Column}: {e.Code}");
            return 2;
        }
        var (result, _) = await ChildClaims.CheckAsync(db, checks, target, rows, CancellationToken.None);
        var entries = result.Select(r => new Entry(r.Input.RowNo, r.Input.Cccd, r.Eligible, r.Amount, r.Reasons)).ToList();
        if (options.Contains("--json"))
            Console.WriteLine(JsonSerializer.Serialize(entries, Json));
        else
            foreach (var e in entries)
                Console.WriteLine($"{e.Row,5} {e.Cccd} {(e.Eligible ? "eligible" : "not eligible"),-13} {RowReasons.Money(e.Amount),12}  {string.Join("; ", e.Reasons.Select(x => x.Vi))}");
        return 0;
    }
}
