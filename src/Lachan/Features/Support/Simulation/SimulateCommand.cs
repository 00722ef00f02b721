using System.Globalization;
using System.Text.Json;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Support.Simulation;

/// <summary>`support simulate --policy &lt;code&gt; --from dd/MM/yyyy --to dd/MM/yyyy [--json]`: how many workers and how
/// much money; with --json one object with `workers`, `amount` and the breakdowns by district, IZ and enterprise.</summary>
public static class SimulateCommand
{
    public const string Usage = "support simulate --policy <code> --from dd/MM/yyyy --to dd/MM/yyyy [--json]";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IServiceProvider services, string[] options)
    {
        var code = CommandLine.Option(options, "--policy") ?? throw new CommandLineException("--policy <code> is required. " + Usage);
        var from = Day(options, "--from");
        var to = Day(options, "--to");
        if (to < from) throw new CommandLineException("--to must not be before --from.");
        if (to.DayNumber - from.DayNumber > CostSimulation.MaxDays) throw new CommandLineException($"The period may be at most {CostSimulation.MaxDays} days.");
        await DataModule.MigrateAsync(services.GetRequiredService<LachanDb>());
        var result = await services.GetRequiredService<CostSimulation>().RunAsync(code, from, to, null, CancellationToken.None)
            ?? throw new CommandLineException($"No policy with code {code}.");
        if (options.Contains("--json"))
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
        else
        {
            Console.WriteLine($"{result.Policy} {from:dd/MM/yyyy}–{to:dd/MM/yyyy}: {result.Workers:N0} {result.Unit}s, {result.Amount:N0} VND (version {result.PolicyVersionId}, {result.Evaluated:N0} workers evaluated in {result.Seconds:0.00} s)");
            foreach (var d in result.ByDistrict) Console.WriteLine($"  {d.Name,-30} {d.Workers,8:N0} {d.Amount,18:N0}");
        }
        return 0;
    }

    private static DateOnly Day(string[] options, string name) =>
        CommandLine.Option(options, name) is { } text && DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new CommandLineException($"{name} dd/MM/yyyy is required. " + Usage);
}
