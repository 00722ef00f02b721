using Lachan.Features.Shared;
using Lachan.Infrastructure;

namespace Lachan.Features.Relief.Requests;

/// <summary>What a person asks for (the public form's list; several at once).</summary>
[Flags]
public enum HelpNeed { None = 0, Food = 1, Medicine = 2, Rent = 4, Cash = 8, Other = 16 }

/// <summary>New → Assigned (to a team, maybe a volunteer) → Delivered; or Cancelled. Overdue is not a status: an open
/// request past its due time is escalated (flagged) and stays in its queue, first.</summary>
public enum RequestStatus { New = 1, Assigned = 2, Delivered = 3, Cancelled = 4 }

/// <summary>Where a request came from: the public form, the hotline, or a worklist made from "no one left hungry".</summary>
public enum RequestChannel { Public = 1, Hotline = 2, Worklist = 3 }

/// <summary>A help request with its public ticket code. Personal data (name, phone, CCCD) stays here and is never shown on
/// the ticket page. Changes only through the methods below.</summary>
public sealed class HelpRequest
{
    /// <summary>Set by the database, or by a bulk load that assigns keys itself (the demo's tens of thousands).</summary>
    public int Id { get; internal set; }
    /// <summary>Public code such as "HT-7K3M9Q": what the person keeps and the ticket page is looked up by.</summary>
    public required string Ticket { get; init; }
    public RequestChannel Channel { get; init; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Cccd { get; set; }
    public required string CommuneCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string ProvinceCode { get; set; }
    public string? Address { get; set; }
    public int? LodgingHouseId { get; set; }
    /// <summary>The registered worker, when the CCCD or the phone matched one (or the hotline picked them).</summary>
    public int? WorkerId { get; set; }
    public HelpNeed Needs { get; private set; }
    public string? Note { get; private set; }
    public int Priority { get; private set; }
    /// <summary>Why the priority is what it is: the facts the records knew (see <see cref="RequestPriority"/>).</summary>
    public string Reasons { get; private set; } = "";
    public RequestStatus Status { get; private set; } = RequestStatus.New;
    public int? TeamId { get; private set; }
    public string? VolunteerUserName { get; private set; }
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime DueAt { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    /// <summary>Submissions merged into this one after the first (duplicates inside the merge window).</summary>
    public int MergedCount { get; private set; }
    public DateTime LastSubmittedAt { get; private set; }

    public bool IsOpen => Status is RequestStatus.New or RequestStatus.Assigned;

    public void Prioritise(HelpNeed needs, string? note, Assessment assessment, DateTime dueAt)
    {
        Needs = needs;
        Note = note;
        Priority = assessment.Score;
        Reasons = string.Join(',', assessment.Reasons);
        DueAt = dueAt;
        LastSubmittedAt = CreatedAt;
    }

    /// <summary>A duplicate submission: its needs join this request's, its note is appended, the priority is taken again
    /// (the records may know more now); the due time never moves later.</summary>
    public void Merge(HelpNeed needs, string? note, Assessment assessment, DateTime dueAt, DateTime at)
    {
        if (!IsOpen) throw new DomainException("Help.MergeClosed");
        Needs |= needs;
        if (!string.IsNullOrWhiteSpace(note) && note != Note)
            Note = Note is null ? note : Truncate(Note + "\n" + note, RequestRules.NoteMax * 2);
        Priority = Math.Max(Priority, assessment.Score);
        Reasons = string.Join(',', Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Union(assessment.Reasons));
        if (dueAt < DueAt) DueAt = dueAt;
        MergedCount++;
        LastSubmittedAt = at;
    }

    public void Assign(int teamId, string? volunteer, DateTime? dueAt, DateTime at)
    {
        if (!IsOpen) throw new DomainException("Help.NotOpen");
        TeamId = teamId;
        VolunteerUserName = string.IsNullOrWhiteSpace(volunteer) ? null : volunteer;
        if (dueAt is DateTime d) DueAt = d;
        Status = RequestStatus.Assigned;
        AssignedAt = at;
    }

    public void Delivered(DateTime at)
    {
        if (Status == RequestStatus.Cancelled) throw new DomainException("Help.NotOpen");
        Status = RequestStatus.Delivered;
        DeliveredAt ??= at;
    }

    public void Cancel(DateTime at)
    {
        if (!IsOpen) throw new DomainException("Help.NotOpen");
        Status = RequestStatus.Cancelled;
        CancelledAt = at;
    }

    /// <summary>Past its due time and still open: flagged once, which moves it to the top of its queue.</summary>
    public bool Escalate(DateTime now)
    {
        if (!IsOpen || EscalatedAt is not null || now <= DueAt) return false;
        EscalatedAt = now;
        return true;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>A relief team (a union's emergency team, a commune's volunteers): requests are queued per team.</summary>
public sealed class ReliefTeam
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The commune it covers (its queue's area).</summary>
    public required string CommuneCode { get; set; }
    public required string DistrictCode { get; set; }
    public required string ProvinceCode { get; set; }
}

/// <summary>Proof that a request was delivered: what was handed over and how the recipient confirmed it. Recorded once
/// per idempotency key (the browser makes one per entry, so a retried or doubled send never counts twice).</summary>
public sealed class Delivery
{
    public int Id { get; set; }
    public int HelpRequestId { get; set; }
    public int? WorkerId { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>The province day it was handed over.</summary>
    public DateOnly DeliveredOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string VolunteerUserName { get; set; }
    /// <summary>Items and quantities as handed over, e.g. "Gạo 10 kg × 1; Mì gói × 30".</summary>
    public required string Items { get; set; }
    /// <summary>"ticket" or "cccd": which confirmation the recipient gave (the value itself is not kept).</summary>
    public required string ConfirmedBy { get; set; }
}

/// <summary>The requests' rules as data with effective dates: the merge window, the due times, the urgent threshold.</summary>
public sealed class RequestRule : IDatedRule
{
    public int Id { get; set; }
    /// <summary>A new request from the same person for the same need within this many days merges into the open one.</summary>
    public int MergeWindowDays { get; set; }
    /// <summary>Hours to deliver an urgent request (priority ≥ <see cref="UrgentFrom"/>), and any other.</summary>
    public int UrgentDueHours { get; set; }
    public int NormalDueHours { get; set; }
    public int UrgentFrom { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);

    /// <summary>Of the versions, the one in force on the day (the latest that started), else <see cref="Default"/>.</summary>
    public static RequestRule InForce(IEnumerable<RequestRule> versions, DateOnly day) =>
        versions.Where(r => r.InForceOn(day)).MaxBy(r => r.EffectiveFrom) ?? Default;

    /// <summary>Used when no version is in force (a fresh database): a week's window, 24 h / 72 h.</summary>
    public static RequestRule Default => new() { MergeWindowDays = 7, UrgentDueHours = 24, NormalDueHours = 72, UrgentFrom = 60, EffectiveFrom = DateOnly.MinValue };
}
