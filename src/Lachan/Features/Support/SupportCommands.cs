using Lachan.Features.Support.Simulation;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Modules;

namespace Lachan.Features.Support;

/// <summary>The `support` verb and its sub-commands (simulate here; the lists add theirs, e.g. check, to <see cref="Subcommands"/>).</summary>
internal static class SupportCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Subcommands = new(StringComparer.Ordinal)
    {
        ["simulate"] = SimulateCommand.RunAsync,
        ["check"] = Lists.ListCheckCommand.RunAsync,
    };

    public static Verb Verb => new("support", $"""
          {SimulateCommand.Usage}
                                                    how many workers and how much money a policy would pay over the dates
          {Lists.ListCheckCommand.Usage}
                                                    checks an employer's list row by row; writes nothing
        """,
        (services, args) => args is [var sub, .. var rest] && Subcommands.TryGetValue(sub, out var run)
            ? run(services, rest)
            : throw new CommandLineException("Usage: " + SimulateCommand.Usage));
}
