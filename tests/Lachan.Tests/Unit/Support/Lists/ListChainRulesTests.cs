using Lachan.Features.Support.Lists;
using Lachan.Infrastructure;

namespace Lachan.Tests.Unit.Support.Lists;

/// <summary>The review chain as guarded transitions on the list: each step only from the state before it.</summary>
public sealed class ListChainRulesTests
{
    private static readonly DateOnly Day = new(2022, 5, 9);

    private static SupportList Draft(int rows = 2)
    {
        var list = new SupportList { Id = 1, PolicyCode = "QD08-G1", PeriodStart = new(2022, 5, 1), PeriodEnd = new(2022, 5, 31) };
        for (var i = 1; i <= rows; i++)
            list.Rows.Add(new SupportListRow { Id = i, RowNo = i, Cccd = $"02409500000{i}", WorkerId = i, Eligible = true, AmountComputed = 500_000 });
        return list;
    }

    private static SupportList Appraised()
    {
        var list = Draft();
        list.Post(Day, Day.AddDays(3));
        list.Submit(Day.AddDays(3), Day.AddDays(3), Day.AddDays(5));
        list.ConfirmInsurance(Day.AddDays(4), new Dictionary<int, bool> { [1] = true, [2] = false }, Day.AddDays(6));
        list.Appraise(Day.AddDays(5), Day.AddDays(7));
        return list;
    }

    private static string Refusal(Action act) => Assert.Throws<DomainException>(act).Code;

    [Fact]
    public void TheChain_RunsDraftToApproved_WithItsDaysAndDeadlines()
    {
        var list = Appraised();
        Assert.Equal(ListState.Appraised, list.State);
        Assert.Equal(Day.AddDays(7), list.DueOn);
        list.Approve(Day.AddDays(6), "1234/QĐ-UBND");
        Assert.Equal(ListState.Approved, list.State);
        Assert.Null(list.DueOn);
        Assert.Equal("1234/QĐ-UBND", list.DecisionNo);
        Assert.Equal([1], list.ApprovableRows().Select(r => r.RowNo));   // row 2 was not insured
    }

    [Fact]
    public void Approve_WhenListAlreadyApproved_IsRefused()
    {
        var list = Appraised();
        list.Approve(Day, "1/QĐ");
        Assert.Equal("SupportList.AlreadyApproved", Refusal(() => list.Approve(Day, "2/QĐ")));
        Assert.Equal("SupportList.AlreadyApproved", Refusal(() => list.Refuse(Day, "late")));
    }

    [Fact]
    public void Approve_BeforeTheDistrictAppraised_IsRefused()
    {
        var list = Draft();
        Assert.Equal("SupportList.WrongState", Refusal(() => list.Approve(Day, "1/QĐ")));
    }

    [Fact]
    public void Approve_WithoutDecisionNumber_IsRefused() =>
        Assert.Equal("SupportList.DecisionNoRequired", Refusal(() => Appraised().Approve(Day, " ")));

    [Fact]
    public void Submit_BeforeTheNoticeEnds_IsRefused()
    {
        var list = Draft();
        list.Post(Day, Day.AddDays(3));
        Assert.Equal("SupportList.NoticeNotOver", Refusal(() => list.Submit(Day.AddDays(2), Day.AddDays(3), Day.AddDays(5))));
    }

    [Fact]
    public void Submit_WithAnOpenDispute_IsRefused_AndResolvingItLetsItGo()
    {
        var list = Draft();
        list.Post(Day, Day.AddDays(3));
        var dispute = list.Dispute(Day.AddDays(1), 2, "Không thuê trọ", Day.AddDays(3));
        dispute.Id = 7;
        Assert.Equal("SupportList.DisputesOpen", Refusal(() => list.Submit(Day.AddDays(3), Day.AddDays(3), Day.AddDays(5))));
        list.Resolve(7, Day.AddDays(2), "Xác minh: ở nhà riêng", removeRow: true);
        Assert.True(list.Rows.Single(r => r.RowNo == 2).Withdrawn);
        Assert.False(list.Rows.Single(r => r.RowNo == 2).Eligible);
        list.Submit(Day.AddDays(3), Day.AddDays(3), Day.AddDays(5));
        Assert.Equal(ListState.Submitted, list.State);
    }

    [Fact]
    public void Post_AnEmptyList_IsRefused() => Assert.Equal("SupportList.Empty", Refusal(() => Draft(0).Post(Day, Day)));

    [Fact]
    public void ConfirmInsurance_MustAnswerEveryRowAndNoOther()
    {
        var list = Draft();
        list.Post(Day, Day);
        list.Submit(Day, Day, Day.AddDays(2));
        Assert.Equal("SupportList.InsuranceRowsMismatch", Refusal(() => list.ConfirmInsurance(Day, new Dictionary<int, bool> { [1] = true }, Day)));
        Assert.Equal("SupportList.InsuranceRowsMismatch",
            Refusal(() => list.ConfirmInsurance(Day, new Dictionary<int, bool> { [1] = true, [2] = true, [3] = true }, Day)));
        Assert.Equal(ListState.Submitted, list.State);
    }

    [Fact]
    public void Refuse_NeedsAReason_AndOnlyAfterSubmission()
    {
        Assert.Equal("SupportList.WrongState", Refusal(() => Draft().Refuse(Day, "thiếu hồ sơ")));
        var list = Appraised();
        Assert.Equal("SupportList.ReasonRequired", Refusal(() => list.Refuse(Day, "")));
        list.Refuse(Day, "Thiếu hồ sơ");
        Assert.Equal(ListState.Refused, list.State);
    }

    [Fact]
    public void EveryTransition_BumpsTheVersion_SoAConcurrentMoveFails()
    {
        var list = Draft();
        var v = list.Version;
        list.Post(Day, Day);
        Assert.True(list.Version > v);
    }

    [Fact]
    public void Overdue_IsAfterTheDueDay()
    {
        var list = Draft();
        list.Post(Day, Day.AddDays(3));
        Assert.False(list.IsOverdue(Day.AddDays(3)));
        Assert.True(list.IsOverdue(Day.AddDays(4)));
    }

    [Fact]
    public void ChainRules_TheNewestVersionInForceDecides()
    {
        var rules = ChainRules.Seed.Append(new ChainStepRule { Id = 9, Step = ChainStep.Insurance, WorkingDays = 5, EffectiveFrom = new(2022, 3, 28) }).ToList();
        Assert.Equal(2, ChainRules.DaysFor(rules, ChainStep.Insurance, new(2021, 7, 1)));
        Assert.Equal(5, ChainRules.DaysFor(rules, ChainStep.Insurance, new(2022, 5, 1)));
        Assert.Equal("SupportList.NoChainRule", Refusal(() => ChainRules.DaysFor(rules, ChainStep.Insurance, new(2020, 1, 1))));
    }
}
