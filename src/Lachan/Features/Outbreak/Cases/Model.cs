using Lachan.Features.Shared;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Cases;

public enum CaseOutcome { Active = 1, Recovered = 2, Transferred = 3, Died = 4 }

public enum ContactLevel { F1 = 1, F2 = 2 }

public enum ContactKind { ProductionLine = 1, LodgingRoom = 2, Household = 3, ShuttleBus = 4, Other = 5 }

/// <summary>A dismissed suggestion is kept (not deleted) so the same person is not suggested again for this case.</summary>
public enum ContactState { Confirmed = 1, Dismissed = 2 }

public enum QuarantinePlace { Home = 1, LodgingHouse = 2, Facility = 3 }

/// <summary>Who a quarantine rule applies to: a close contact, a contact of a contact, or a case after discharge.</summary>
public enum RuleSubject { F1 = 1, F2 = 2, F0Release = 3 }

/// <summary>A confirmed case (F0). The person is always a registered worker, so contacts can be traced from the records.</summary>
public sealed class Case
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
    /// <summary>The national patient code (e.g. BN3571) the health authority gives.</summary>
    public required string Code { get; set; }
    public DateOnly ConfirmedOn { get; set; }
    public required string TestKind { get; set; }
    public DateOnly TestDate { get; set; }
    public string? TestPlace { get; set; }
    public string? TreatmentPlace { get; set; }
    public CaseOutcome Outcome { get; set; } = CaseOutcome.Active;
    public DateOnly? OutcomeOn { get; set; }

    public void SetOutcome(CaseOutcome outcome, DateOnly? on)
    {
        if (outcome != CaseOutcome.Active && on is null) throw new DomainException("Case.OutcomeDateRequired");
        if (on is DateOnly d && d < ConfirmedOn) throw new DomainException("Case.OutcomeBeforeConfirmed");
        Outcome = outcome;
        OutcomeOn = outcome == CaseOutcome.Active ? null : on;
    }
}

/// <summary>A person traced from a case. CaseId is always the root F0, so a whole transmission tree is one query;
/// an F2 also names the F1 contact it came from.</summary>
public sealed class Contact
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
    public int? SourceContactId { get; set; }
    public ContactLevel Level { get; set; }
    public ContactKind Kind { get; set; }
    public DateOnly? LastContactOn { get; set; }
    public ContactState State { get; set; }
    public DateTime DecidedAt { get; set; }
    public required string DecidedBy { get; set; }
}

/// <summary>Configurable durations (DOMAIN.md: rules are data with effective dates). EffectiveTo is the last day in force.</summary>
public sealed class QuarantineRule : IDatedRule
{
    public int Id { get; set; }
    public RuleSubject Subject { get; set; }
    public int Days { get; set; }
    /// <summary>Days of quarantine on which a test is due, counted from 1 = the start date, e.g. "1,7,14".</summary>
    public required string TestDays { get; set; }
    public QuarantinePlace DefaultPlace { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);

    public IReadOnlyList<int> TestDayNumbers() =>
        [.. TestDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).Order()];
}

public sealed class QuarantineOrder
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public Worker? Worker { get; set; }
    public int? ContactId { get; set; }
    public int QuarantineRuleId { get; set; }
    public QuarantineRule? Rule { get; set; }
    public QuarantinePlace PlaceKind { get; set; }
    public string? PlaceText { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly PlannedEndOn { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    /// <summary>The negative result that allows the release: its date and the result as written on the slip.</summary>
    public DateOnly? ReleaseTestDate { get; set; }
    public string? ReleaseResult { get; set; }

    /// <summary>Release needs a test result taken during the quarantine, and not before the planned end.</summary>
    public void Release(DateOnly on, DateOnly testDate, string result)
    {
        if (ReleasedOn is not null) throw new DomainException("Quarantine.AlreadyReleased");
        if (on < PlannedEndOn) throw new DomainException("Quarantine.BeforePlannedEnd");
        if (testDate < StartOn || testDate > on) throw new DomainException("Quarantine.TestDateOutside");
        if (string.IsNullOrWhiteSpace(result)) throw new DomainException("Quarantine.ResultRequired");
        ReleasedOn = on;
        ReleaseTestDate = testDate;
        ReleaseResult = result.Trim();
    }
}
