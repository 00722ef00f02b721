using Lachan.Features.Relief.Requests;
using Lachan.Features.Shared;

namespace Lachan.Tests.Unit.Relief;

public sealed class RequestPriorityTests
{
    [Fact]
    public void Food_in_a_locked_zone_without_delivery_is_urgent()
    {
        var a = RequestPriority.Assess(HelpNeed.Food, new Facts(LockedZone: true, Quarantine: false, EmployerSuspended: false, CaseInLodging: false, NoDeliveryYet: true));
        Assert.Equal(30 + 25 + 10, a.Score);
        Assert.Equal(["LockedZone", "NoDeliveryYet"], a.Reasons);
        Assert.True(a.Score >= RequestRule.Default.UrgentFrom);
    }

    [Fact]
    public void Rent_alone_with_nothing_known_is_low_and_due_later()
    {
        var a = RequestPriority.Assess(HelpNeed.Rent, new Facts(false, false, false, false, false));
        Assert.Equal(10, a.Score);
        var from = new DateTime(2021, 5, 20, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(from.AddHours(72), RequestPriority.DueAt(a, RequestRule.Default, from));
    }

    [Fact]
    public void Every_fact_adds_and_the_score_stops_at_100()
    {
        var a = RequestPriority.Assess(HelpNeed.Food | HelpNeed.Medicine | HelpNeed.Cash, new Facts(true, true, true, true, true));
        Assert.Equal(100, a.Score);
        Assert.Equal(5, a.Reasons.Count);
    }

    [Fact]
    public void A_further_need_adds_a_little_not_its_full_weight()
    {
        var one = RequestPriority.Assess(HelpNeed.Food, Facts.None).Score;
        var two = RequestPriority.Assess(HelpNeed.Food | HelpNeed.Medicine, Facts.None).Score;
        Assert.Equal(one + 5, two);
    }
}

public sealed class RequestMergingTests
{
    private static readonly DateTime Now = new(2021, 5, 22, 3, 0, 0, DateTimeKind.Utc);
    private static readonly RequestRule Rule = new() { MergeWindowDays = 7, UrgentDueHours = 24, NormalDueHours = 72, UrgentFrom = 60 };

    private static OpenRequest Open(int id, string? cccd, string? phone, HelpNeed needs, int daysAgo, RequestStatus status = RequestStatus.New) =>
        new(id, cccd, phone, needs, Now.AddDays(-daysAgo), status);

    [Fact]
    public void Same_phone_same_need_inside_the_window_merges()
    {
        var target = RequestMerging.Target([Open(1, null, "0912345678", HelpNeed.Food, 2)], null, "0912345678", HelpNeed.Food, Now, Rule);
        Assert.Equal(1, target?.Id);
    }

    [Fact]
    public void Same_cccd_with_another_phone_merges()
    {
        var target = RequestMerging.Target([Open(1, "024196000001", "0912345678", HelpNeed.Food | HelpNeed.Rent, 1)], "024196000001", "0988888888", HelpNeed.Food, Now, Rule);
        Assert.Equal(1, target?.Id);
    }

    [Fact]
    public void Another_need_does_not_merge()
    {
        Assert.Null(RequestMerging.Target([Open(1, null, "0912345678", HelpNeed.Food, 1)], null, "0912345678", HelpNeed.Rent, Now, Rule));
    }

    [Fact]
    public void Outside_the_window_does_not_merge()
    {
        Assert.Null(RequestMerging.Target([Open(1, null, "0912345678", HelpNeed.Food, 8)], null, "0912345678", HelpNeed.Food, Now, Rule));
        Assert.NotNull(RequestMerging.Target([Open(1, null, "0912345678", HelpNeed.Food, 8)], null, "0912345678", HelpNeed.Food, Now,
            new RequestRule { MergeWindowDays = 10 }));
    }

    [Fact]
    public void A_delivered_or_cancelled_request_is_not_merged_into()
    {
        Assert.Null(RequestMerging.Target([Open(1, null, "0912345678", HelpNeed.Food, 1, RequestStatus.Delivered),
            Open(2, null, "0912345678", HelpNeed.Food, 1, RequestStatus.Cancelled)], null, "0912345678", HelpNeed.Food, Now, Rule));
    }

    [Fact]
    public void Another_person_does_not_merge()
    {
        Assert.Null(RequestMerging.Target([Open(1, "024196000001", "0912345678", HelpNeed.Food, 1)], "024196000002", "0911111111", HelpNeed.Food, Now, Rule));
    }

    [Fact]
    public void Markup_and_oversized_text_are_refused_naming_the_field()
    {
        var errors = new FieldErrors();
        RequestRules.Validate(new HelpForm
        {
            Name = "<script>alert(1)</script>", Phone = "0912345678", CommuneCode = "07756", Needs = ["food"], Note = new string('x', RequestRules.NoteMax + 1),
        }, errors);
        Assert.Equal("Help.Markup", errors["Name"]);
        Assert.Equal("Help.TooLong", errors["Note"]);
    }

    [Fact]
    public void An_unknown_need_is_refused()
    {
        var errors = new FieldErrors();
        RequestRules.Validate(new HelpForm { Name = "A", Phone = "0912345678", CommuneCode = "x", Needs = ["caviar"] }, errors);
        Assert.Equal("Help.NeedUnknown", errors["Needs"]);
    }
}
