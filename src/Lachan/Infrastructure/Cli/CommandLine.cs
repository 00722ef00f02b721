using Lachan.Features.Registry.Demo;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Cli;

/// <summary>Operator verbs of the same executable: `dotnet run --project src/Lachan -- &lt;verb&gt; …`.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed", "users", "import", "help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LachanDb>();
        try
        {
            switch (args)
            {
                case ["migrate", ..]:
                    await DataModule.MigrateAsync(db);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case ["seed", .. var rest]:
                    await DataModule.MigrateAsync(db);
                    var workers = Option(rest, "--workers") is { } w ? int.Parse(w) : 20_000;
                    var cases = Option(rest, "--cases") is { } c ? int.Parse(c) : 0;
                    if (await db.Enterprises.AnyAsync() && !rest.Contains("--reset"))
                    {
                        Console.Error.WriteLine("The database already has data; add --reset to replace it with the demo province.");
                        return 2;
                    }
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    await DemoSeeder.SeedAsync(services, workers, reset: rest.Contains("--reset"), scaleCases: cases);
                    await DemoAccounts.EnsureAsync(services);
                    Console.WriteLine($"Seeded the demo province with {workers:N0} workers in {sw.Elapsed.TotalSeconds:F1} s.");
                    return 0;
                case ["import", "roster", var file, .. var rest]:
                    await DataModule.MigrateAsync(db);
                    return await Lachan.Features.Rosters.RosterCommand.RunAsync(services, file, rest);
                case ["users", .. var rest]:
                    await DataModule.MigrateAsync(db);
                    return await UsersAsync(services, rest);
                default:
                    PrintHelp();
                    return args is ["help", ..] ? 0 : 2;
            }
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static async Task<int> UsersAsync(IServiceProvider services, string[] args)
    {
        var users = services.GetRequiredService<UserManager<LachanUser>>();
        var db = services.GetRequiredService<LachanDb>();
        var time = services.GetRequiredService<TimeProvider>();
        switch (args)
        {
            case ["create", var name, .. var rest]:
            {
                var roleText = Option(rest, "--role") ?? throw new CommandLineException("--role is required: " + string.Join(", ", Enum.GetNames<Role>()));
                if (!Roles.TryParse(roleText, out var role))
                    throw new CommandLineException($"Unknown role '{roleText}'. Roles: {string.Join(", ", Enum.GetNames<Role>())}");
                var scopeCode = Option(rest, "--scope");
                if (Roles.ScopeOf(role) != ScopeKind.None && scopeCode is null && role != Role.IzBoard)
                    throw new CommandLineException($"Role {role} needs --scope (a {Roles.ScopeOf(role)} code).");
                var password = Option(rest, "--password") ?? GeneratePassword();
                var user = new LachanUser { UserName = name, Role = role, ScopeCode = scopeCode, DisplayName = Option(rest, "--display-name") };
                Check(await users.CreateAsync(user, password));
                Console.WriteLine($"Created {name} ({role}{(scopeCode is null ? "" : ", " + scopeCode)}). Password: {password}");
                return 0;
            }
            case ["password", var name, .. var rest]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                var password = Option(rest, "--password") ?? GeneratePassword();
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                Console.WriteLine($"New password for {name}: {password}");
                return 0;
            }
            case ["token", var name, ..]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                Console.WriteLine(await ApiTokens.IssueAsync(db, user, time));
                return 0;
            }
            case ["list", ..]:
                foreach (var u in await db.Users.OrderBy(u => u.UserName).ToListAsync())
                    Console.WriteLine($"{u.UserName,-16} {u.Role,-18} {u.ScopeCode}");
                return 0;
            default:
                PrintHelp();
                return 2;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new CommandLineException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string GeneratePassword() =>
        "Lc-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "9!";

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void PrintHelp() => Console.WriteLine("""
        Lachan operator commands (dotnet run --project src/Lachan -- <verb>):
          migrate                                   apply database migrations
          seed [--workers N] [--cases N] [--reset]  load the invented demo province (default 20,000 workers; --cases adds
                                                    that many invented cases with contacts and quarantine, for benchmarks)
          users create <name> --role <role> [--scope <code>] [--password <p>]
          users password <name> [--password <p>]   set a new password (printed) and clear lockout
          users token <name>                        issue an API bearer token (printed once)
          users list
          import roster <file> --enterprise <tax code> [--as-of dd/MM/yyyy] [--commit [--confirm-leavers N]] [--json]
                                                    preview (and with --commit write) an employer roster
        Roles: Steering, IzBoard, Health, LabourFederation, LabourDepartment, District, Commune,
               SocialInsurance, EnterpriseHr, Volunteer, Checkpoint
        """);
}

public sealed class CommandLineException(string message) : Exception(message);
