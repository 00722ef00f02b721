using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Cli;

/// <summary>Operator verbs of the same executable: `dotnet run --project src/Lachan -- &lt;verb&gt; …`.</summary>
public static class CommandLine
{
    /// <summary>A first argument that is not an option (`--urls …`) or a setting (`Key=value`) names a command: a known
    /// verb runs, anything else is an error with the list of verbs, never a silent start of the web server.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var verbs = Kernel.Concat(app.Services.GetRequiredService<ModuleList>().Verbs).ToList();
        if (args[0] is "help" or "--help")
        {
            PrintHelp(verbs);
            return 0;
        }
        if (verbs.FirstOrDefault(v => v.Name == args[0]) is not { } verb)
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: {string.Join(", ", verbs.Select(v => v.Name).Append("help"))}.");
            PrintHelp(verbs);
            return 2;
        }
        try
        {
            return await verb.RunAsync(services, args[1..]);
        }
        catch (CommandLineException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            // no hosted linker runs for a verb: what it audited is linked onto the chain before the process ends (ADR-0024)
            await LinkAuditAsync(app.Services);
        }
    }

    private static async Task LinkAuditAsync(IServiceProvider services)
    {
        try { await services.GetRequiredService<Lachan.Infrastructure.Audit.AuditLinker>().LinkAllAsync(); }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // the database may not exist (a failed migrate) or be away: the app's next start links them
            Console.Error.WriteLine("Audit events not linked yet (the app links them when it starts): " + e.Message);
        }
    }

    private static readonly Verb[] Kernel =
    [
        new("migrate", "  migrate                                   apply database migrations", async (services, _) =>
        {
            await DataModule.MigrateAsync(services.GetRequiredService<LachanDb>());
            Console.WriteLine("Database is up to date.");
            return 0;
        }),
        new("users", """
              users create <name> --role <role> [--scope <code>] [--display-name <name>] [--password <p>]
              users password <name> [--password <p>]   set a new password (printed), clear a lockout, end sessions, revoke tokens
              users token <name>                        issue an API bearer token (printed once)
              users tokens <name>                       list the account's tokens (id, created, last used, revoked; never the token)
              users revoke <name>                       end every session of the account and revoke all its tokens
              users lock <name>                         lock the account (sessions and tokens too) until `users password`
              users list
            """, async (services, args) =>
        {
            await DataModule.MigrateAsync(services.GetRequiredService<LachanDb>());
            return await UsersAsync(services, args);
        }),
    ];

    /// <summary>The `users` verbs; internal with a writer of its own so that tests can run them.</summary>
    internal static async Task<int> UsersAsync(IServiceProvider services, string[] args, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
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
                o.WriteLine($"Created {name} ({role}{(scopeCode is null ? "" : ", " + scopeCode)}). Password: {password}");
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
                // a new password ends the sessions and tokens someone may have obtained with the old one
                var revoked = await services.GetRequiredService<Accounts>().RevokeAllAsync(user);
                o.WriteLine($"New password for {name}: {password} (sessions ended, {revoked} token(s) revoked)");
                return 0;
            }
            case ["revoke", var name, ..]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                var revoked = await services.GetRequiredService<Accounts>().RevokeAllAsync(user);
                o.WriteLine($"Ended every session of {name} and revoked {revoked} token(s).");
                return 0;
            }
            case ["lock", var name, ..]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                await services.GetRequiredService<Accounts>().LockAsync(user);
                o.WriteLine($"Locked {name}: sessions ended, tokens revoked; `users password {name}` unlocks it.");
                return 0;
            }
            case ["tokens", var name, ..]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                o.WriteLine($"{"id",6}  {"created (UTC)",-16}  {"last used (UTC)",-16}  revoked (UTC)");
                foreach (var t in await services.GetRequiredService<Accounts>().TokensAsync(user))
                    o.WriteLine($"{t.Id,6}  {Utc(t.CreatedAt),-16}  {Utc(t.LastUsedAt),-16}  {Utc(t.RevokedAt)}");
                return 0;
            }
            case ["token", var name, ..]:
            {
                var user = await users.FindByNameAsync(name) ?? throw new CommandLineException($"No user '{name}'.");
                if (Accounts.IsDisabled(user.LockoutEnd))
                    throw new CommandLineException($"{name} is locked; `users password {name}` unlocks it.");
                o.WriteLine(await ApiTokens.IssueAsync(db, user, time));
                return 0;
            }
            case ["list", ..]:
                foreach (var u in await db.Users.OrderBy(u => u.UserName).ToListAsync())
                    o.WriteLine($"{u.UserName,-16} {u.Role,-18} {u.ScopeCode}");
                return 0;
            default:
                throw new CommandLineException("Usage: users create|password|token|tokens|revoke|lock|list … (see help)");
        }
    }

    private static string Utc(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

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

    private static void PrintHelp(IEnumerable<Verb> verbs)
    {
        Console.WriteLine("Lachan operator commands (dotnet run --project src/Lachan -- <verb>):");
        foreach (var verb in verbs) Console.WriteLine(verb.Usage.TrimEnd());
        Console.WriteLine("Roles: " + string.Join(", ", Enum.GetNames<Role>()));
    }

    /// <summary>A whole-number option, or a message naming it when it is not one.</summary>
    public static int? IntOption(string[] args, string name) => Option(args, name) switch
    {
        null => null,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        var text => throw new CommandLineException($"{name} must be a whole number, not '{text}'."),
    };
}

public sealed class CommandLineException(string message) : Exception(message);
