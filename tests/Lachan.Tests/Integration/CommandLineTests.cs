using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Lachan.Tests.Integration.Rosters;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The executable's first argument: a verb runs, anything else that is not an option is an error that lists
/// the verbs (it used to start the web server silently), and a bad number is a message, not an exception.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task A_misspelled_verb_is_refused_with_the_list_of_verbs()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (code, output, error) = await RosterCliTests.RunAsync(db, "supprot");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'supprot'", error);
        // every module's verbs are listed, not a fixed list
        foreach (var verb in new[] { "migrate", "users", "seed", "import", "help" }) Assert.Contains(verb, error);
        Assert.DoesNotContain("Now listening", output);
    }

    [Theory, BothProviders]
    public async Task Seeding_again_with_reset_replaces_the_demo_without_doubling_what_refers_to_no_worker(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        async Task<(int Donations, int Zones, int Requests, int Samples)> CountAsync()
        {
            await using var ctx = Contexts.Open(db);
            var counts = (await ctx.Set<Lachan.Features.Relief.Supplies.Donation>().CountAsync(), await ctx.Set<Lachan.Features.Outbreak.Zones.ControlZone>().CountAsync(),
                await ctx.Set<Lachan.Features.Relief.Requests.HelpRequest>().CountAsync(), await ctx.Set<Lachan.Features.Outbreak.Testing.TestSample>().CountAsync());
            // the seed takes the SQLite file for itself (SqliteLoadTuning): no pooled connection of ours may keep it open
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return counts;
        }
        var first = await RosterCliTests.RunAsync(db, "seed", "--workers", "800");
        Assert.True(first.Code == 0, first.Err);
        var seeded = await CountAsync();
        Assert.True(seeded.Donations > 0 && seeded.Zones > 0 && seeded.Requests > 0 && seeded.Samples > 0, seeded.ToString());
        // a donation's receipt number, a ticket and a sample code are unique: a reset that left them made the seed fail
        var again = await RosterCliTests.RunAsync(db, "seed", "--workers", "800", "--reset");
        Assert.True(again.Code == 0, again.Err);
        Assert.Equal(seeded, await CountAsync());
    }

    [Fact]
    public async Task A_bad_number_is_a_message_naming_the_option()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (code, _, error) = await RosterCliTests.RunAsync(db, "seed", "--workers", "abc");
        Assert.Equal(2, code);
        Assert.Contains("--workers must be a whole number, not 'abc'", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Help_lists_each_modules_verbs()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (code, output, _) = await RosterCliTests.RunAsync(db, "help");
        Assert.Equal(0, code);
        Assert.Contains("import roster <file>", output);
        Assert.Contains("seed [--workers N]", output);
        Assert.Contains("users revoke <name>", output);
    }
}
