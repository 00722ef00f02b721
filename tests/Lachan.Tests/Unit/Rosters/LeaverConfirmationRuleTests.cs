using Lachan.Features.Rosters;
using Microsoft.Extensions.Configuration;

namespace Lachan.Tests.Unit.Rosters;

public sealed class LeaverConfirmationRuleTests
{
    private static RosterLeavers Rule(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void MassLayoff_353Of354_AsksForTheNumberAndShare()
    {
        Assert.Equal(new LeaversToConfirm(353, 100), Rule().Ask(leavers: 353, stillEmployed: 1));
    }

    [Theory]
    [InlineData(20, 80)]   // exactly the share (20 %) is not more than it
    [InlineData(9, 1)]     // 90 %, but under the floor of 10 leavers: a small enterprise's list is read at a glance
    [InlineData(0, 0)]
    public void LeaversWithinTheShare_OrFewOfThem_NeedNoConfirmation(int leavers, int stillEmployed)
    {
        Assert.Null(Rule().Ask(leavers, stillEmployed));
    }

    [Fact]
    public void ShareAndFloor_AreSettings()
    {
        var rule = Rule(("Rosters:ConfirmLeaversAbove", "0.5"), ("Rosters:ConfirmLeaversFrom", "2"));

        Assert.Null(rule.Ask(40, 60));
        Assert.Equal(new LeaversToConfirm(3, 75), rule.Ask(3, 1));
    }
}
