using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Planned ends come from the rule in force on the start date, so an order issued before a rule change keeps
/// the duration it was issued with.</summary>
public static class QuarantineRules
{
    private const string Era2021 = "QĐ 2787/QĐ-BYT (05/06/2021) và hướng dẫn cùng thời kỳ";

    /// <summary>Plausible 2021 values (F1: 14 days at a facility with tests on days 1, 7 and 14; F2: 7 days at home with a
    /// test on day 7; after discharge an F0 is monitored at home 14 days). A province corrects them as data.</summary>
    public static readonly QuarantineRule[] Seed =
    [
        new() { Id = 1, Subject = RuleSubject.F1, Days = 14, TestDays = "1,7,14", DefaultPlace = QuarantinePlace.Facility, EffectiveFrom = new(2021, 1, 1), Source = Era2021 },
        new() { Id = 2, Subject = RuleSubject.F2, Days = 7, TestDays = "7", DefaultPlace = QuarantinePlace.Home, EffectiveFrom = new(2021, 1, 1), Source = Era2021 },
        new() { Id = 3, Subject = RuleSubject.F0Release, Days = 14, TestDays = "7,14", DefaultPlace = QuarantinePlace.Home, EffectiveFrom = new(2021, 1, 1), Source = Era2021 },
    ];

    public static RuleSubject SubjectOf(ContactLevel level) => level == ContactLevel.F1 ? RuleSubject.F1 : RuleSubject.F2;

    /// <summary>The rule for the subject in force on the date; refused when none is (the province must configure one).</summary>
    public static QuarantineRule InForce(IEnumerable<QuarantineRule> rules, RuleSubject subject, DateOnly on) =>
        rules.Where(r => r.Subject == subject && r.InForceOn(on)).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
        ?? throw new DomainException("Quarantine.NoRule");

    public static DateOnly PlannedEnd(QuarantineRule rule, DateOnly start) => start.AddDays(rule.Days);

    /// <summary>An order under the rule from the start date: its planned end, and its place unless another is chosen.</summary>
    public static QuarantineOrder NewOrder(QuarantineRule rule, int workerId, DateOnly start, QuarantinePlace? place = null, string? placeText = null) => new()
    {
        WorkerId = workerId, QuarantineRuleId = rule.Id, PlaceKind = place ?? rule.DefaultPlace, PlaceText = placeText,
        StartOn = start, PlannedEndOn = PlannedEnd(rule, start),
    };

    /// <summary>Day 1 is the start date.</summary>
    public static int DayNumber(DateOnly start, DateOnly on) => on.DayNumber - start.DayNumber + 1;
}
