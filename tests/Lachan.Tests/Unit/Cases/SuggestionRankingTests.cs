using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contacts;

namespace Lachan.Tests.Unit.Cases;

public sealed class SuggestionRankingTests
{
    private static readonly SourcePlaces Source = new(EnterpriseId: 1, Workshop: "Xưởng may 2", LodgingHouseId: 7, Room: "P.3");
    private static readonly HashSet<int> None = [];

    [Fact]
    public void SameWorkshop_RanksAboveSameEnterprise()
    {
        var ranked = SuggestionRanking.Rank(Source, [new(10, "Xưởng cắt"), new(11, "xưởng may 2 "), new(12, null)], [], None);
        Assert.Equal([11, 10, 12], ranked.Select(r => r.WorkerId));
        Assert.Equal(SuggestionReason.SameWorkshop, ranked[0].Best);
        Assert.Equal(SuggestionReason.SameEnterprise, ranked[1].Best);
    }

    [Fact]
    public void SameRoom_RanksFirst_ThenWorkshop_ThenLodgingHouse_ThenEnterprise()
    {
        var ranked = SuggestionRanking.Rank(Source, [new(20, "Xưởng cắt"), new(21, "Xưởng may 2")], [new(22, "P.9"), new(23, "P.3")], None);
        Assert.Equal([23, 21, 22, 20], ranked.Select(r => r.WorkerId));
    }

    [Fact]
    public void APersonSharingWorkAndHome_RanksAboveOneSharingOnlyTheSameReason()
    {
        var ranked = SuggestionRanking.Rank(Source, [new(30, "Xưởng may 2"), new(31, "Xưởng may 2")], [new(31, "P.8")], None);
        Assert.Equal(31, ranked[0].WorkerId);
        Assert.Equal([SuggestionReason.SameWorkshop, SuggestionReason.SameLodgingHouse], ranked[0].Reasons);
    }

    [Fact]
    public void TheCase_LinkedAndDismissedPeople_AreNotSuggested()
    {
        var ranked = SuggestionRanking.Rank(Source, [new(1, "Xưởng may 2"), new(40, null), new(41, null)], [new(42, "P.3")], new HashSet<int> { 1, 40, 42 });
        Assert.Equal([41], ranked.Select(r => r.WorkerId));
    }

    [Fact]
    public void UnknownWorkshopOrRoom_NeverCountsAsTheSame()
    {
        var unknown = new SourcePlaces(1, null, 7, null);
        var ranked = SuggestionRanking.Rank(unknown, [new(50, null)], [new(51, null)], None);
        Assert.Equal([SuggestionReason.SameLodgingHouse, SuggestionReason.SameEnterprise], ranked.Select(r => r.Best));
    }

    [Fact]
    public void SuggestedKind_FollowsTheReason()
    {
        Assert.Equal(ContactKind.LodgingRoom, SuggestionRanking.KindFor(SuggestionReason.SameRoom));
        Assert.Equal(ContactKind.ProductionLine, SuggestionRanking.KindFor(SuggestionReason.SameEnterprise));
    }
}
