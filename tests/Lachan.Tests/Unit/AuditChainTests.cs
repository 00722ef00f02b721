using Lachan.Infrastructure.Audit;

namespace Lachan.Tests.Unit;

public sealed class AuditChainTests
{
    private static AuditEvent Event(long id, string action = "update", string? after = "{\"Phone\":\"0912345678\"}") => new()
    {
        Id = id,
        At = new DateTime(2021, 5, 18, 8, 30, 0, DateTimeKind.Utc).AddMinutes(id),
        UserName = "admin",
        Action = action,
        EntityType = "Worker",
        EntityId = id.ToString(),
        Before = "{\"Phone\":null}",
        After = after,
    };

    /// <summary>Chains the events the way LachanDb.SaveChangesAsync does.</summary>
    private static List<AuditEvent> Chain(int count)
    {
        var events = Enumerable.Range(1, count).Select(i => Event(i)).ToList();
        var last = "";
        foreach (var e in events)
        {
            e.PrevHash = last;
            e.Hash = AuditChain.ComputeHash(e);
            last = e.Hash;
        }
        return events;
    }

    private static async IAsyncEnumerable<AuditEvent> Stream(IEnumerable<AuditEvent> events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    [Fact]
    public void Hash_is_stable_across_runs_and_machines()
    {
        // Pinned: a change to the hashing makes every stored chain unverifiable, so it must be deliberate.
        var e = Event(1);
        var first = AuditChain.ComputeHash(e);
        Assert.Equal(first, AuditChain.ComputeHash(Event(1)));
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(PinnedHash, first);
    }

    // SHA-256 of the documented text form, computed independently of the code under test:
    // 0:|18:637569234600000000|5:admin|6:update|6:Worker|1:1|14:{"Phone":null}|22:{"Phone":"0912345678"}|
    private const string PinnedHash = "ccf82fc4237a142de8e8be6e0d8ef0b8bd1da6a6b0b0ac3fe3537e2808da7d71";

    [Fact]
    public void Every_field_is_in_the_hash()
    {
        var baseline = AuditChain.ComputeHash(Event(1));
        var variants = new Action<AuditEvent>[]
        {
            e => e.PrevHash = "x",
            e => e.At = e.At.AddTicks(10),
            e => e.UserName = "kcn",
            e => e.Action = "delete",
            e => e.EntityType = "Enterprise",
            e => e.EntityId = "2",
            e => e.Before = null,
            e => e.After = "{}",
        };
        foreach (var change in variants)
        {
            var e = Event(1);
            change(e);
            Assert.NotEqual(baseline, AuditChain.ComputeHash(e));
        }
        // Id is the row's place, not its content: the link to the previous hash guards the order.
        var moved = Event(1);
        moved.Id = 99;
        Assert.Equal(baseline, AuditChain.ComputeHash(moved));
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_their_neighbours()
    {
        var a = Event(1); a.EntityType = "Work"; a.EntityId = "er1";
        var b = Event(1); b.EntityType = "Worker"; b.EntityId = "1";
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
        var nullAfter = Event(1, after: null);
        var emptyAfter = Event(1, after: "");
        Assert.NotEqual(AuditChain.ComputeHash(nullAfter), AuditChain.ComputeHash(emptyAfter));
    }

    [Fact]
    public async Task A_clean_chain_verifies()
    {
        Assert.Null(await AuditChain.VerifyAsync(Stream(Chain(10))));
        Assert.Null(await AuditChain.VerifyAsync(Stream([])));
    }

    [Fact]
    public async Task An_altered_row_is_reported()
    {
        var chain = Chain(10);
        chain[4].After = "{\"Phone\":\"0999999999\"}";
        var broken = await AuditChain.VerifyAsync(Stream(chain));
        Assert.Equal(new ChainBreak(5, "Audit.AlteredRow", 5), broken);
    }

    [Fact]
    public async Task An_altered_row_whose_hash_was_recomputed_breaks_the_next_link()
    {
        var chain = Chain(10);
        chain[4].UserName = "someone-else";
        chain[4].Hash = AuditChain.ComputeHash(chain[4]);
        var broken = await AuditChain.VerifyAsync(Stream(chain));
        Assert.Equal(new ChainBreak(6, "Audit.BrokenLink", 6), broken);
    }

    [Fact]
    public async Task A_removed_row_is_reported_at_the_row_after_it()
    {
        var chain = Chain(10);
        chain.RemoveAt(3); // event 4
        var broken = await AuditChain.VerifyAsync(Stream(chain));
        Assert.Equal(new ChainBreak(5, "Audit.BrokenLink", 4), broken);
    }

    [Fact]
    public async Task Removing_the_first_row_is_reported()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);
        Assert.Equal(new ChainBreak(2, "Audit.BrokenLink", 1), await AuditChain.VerifyAsync(Stream(chain)));
    }

    [Fact]
    public async Task Swapped_rows_are_reported()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        Assert.Equal(new ChainBreak(3, "Audit.BrokenLink", 2), await AuditChain.VerifyAsync(Stream(chain)));
    }

    [Fact]
    public void Now_is_utc_and_truncated_to_microseconds()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 5, 18, 1, 2, 3, TimeSpan.FromHours(7)).AddTicks(1234567));
        var now = AuditChain.Now(time);
        Assert.Equal(DateTimeKind.Utc, now.Kind);
        Assert.Equal(0, now.Ticks % 10);
        Assert.Equal(new DateTime(2021, 5, 17, 18, 2, 3, DateTimeKind.Utc).AddTicks(1234560), now);
    }
}
