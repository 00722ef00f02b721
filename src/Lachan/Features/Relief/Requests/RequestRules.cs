using System.Security.Cryptography;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;

namespace Lachan.Features.Relief.Requests;

/// <summary>What the records know about the person on the day (each a reason for a higher priority).</summary>
public sealed record Facts(bool LockedZone, bool Quarantine, bool EmployerSuspended, bool CaseInLodging, bool NoDeliveryYet)
{
    public static readonly Facts None = new(false, false, false, false, true);
}

/// <summary>A priority from 0 to 100 and the reasons behind it (codes shown translated).</summary>
public sealed record Assessment(int Score, IReadOnlyList<string> Reasons);

/// <summary>Priority from the need and the records: food and medicine come first; a locked lodging, a quarantine, a case
/// in the lodging, a suspended employer and no delivery yet each add. Pure, unit-tested.</summary>
public static class RequestPriority
{
    public static Assessment Assess(HelpNeed needs, Facts facts)
    {
        var reasons = new List<string>();
        var score = 0;
        void Add(bool when, int points, string reason)
        {
            if (!when) return;
            score += points;
            reasons.Add(reason);
        }
        // the most pressing need counts in full, each further one a little
        var needPoints = new[] { (HelpNeed.Food, 30), (HelpNeed.Medicine, 30), (HelpNeed.Cash, 15), (HelpNeed.Rent, 10), (HelpNeed.Other, 5) }
            .Where(n => needs.HasFlag(n.Item1)).Select(n => n.Item2).OrderDescending().ToList();
        score += needPoints.FirstOrDefault() + 5 * Math.Max(0, needPoints.Count - 1);
        Add(facts.LockedZone, 25, "LockedZone");
        Add(facts.Quarantine, 25, "Quarantine");
        Add(facts.CaseInLodging, 15, "CaseInLodging");
        Add(facts.EmployerSuspended, 15, "EmployerSuspended");
        Add(facts.NoDeliveryYet, 10, "NoDeliveryYet");
        return new Assessment(Math.Min(100, score), reasons);
    }

    public static DateTime DueAt(Assessment a, RequestRule rule, DateTime from) =>
        from.AddHours(a.Score >= rule.UrgentFrom ? rule.UrgentDueHours : rule.NormalDueHours);
}

/// <summary>A request already on file that a new submission may merge into.</summary>
public sealed record OpenRequest(int Id, string? Cccd, string? Phone, HelpNeed Needs, DateTime CreatedAt, RequestStatus Status);

/// <summary>Duplicates: the same person (same CCCD, or same phone) asking for a need they already asked for, while that
/// request is open and was made inside the merge window. Pure, unit-tested.</summary>
public static class RequestMerging
{
    public static OpenRequest? Target(IEnumerable<OpenRequest> candidates, string? cccd, string? phone, HelpNeed needs, DateTime at, RequestRule rule) =>
        candidates
            .Where(r => r.Status is RequestStatus.New or RequestStatus.Assigned)
            .Where(r => (cccd is not null && r.Cccd == cccd) || (phone is not null && r.Phone == phone))
            .Where(r => (r.Needs & needs) != HelpNeed.None)
            .Where(r => r.CreatedAt > at.AddDays(-rule.MergeWindowDays) && r.CreatedAt <= at)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefault();
}

/// <summary>The form's fields as sent (public form, API, hotline).</summary>
public sealed record HelpForm
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Cccd { get; init; }
    public string? CommuneCode { get; init; }
    public string? Address { get; init; }
    public int? LodgingHouseId { get; init; }
    public IReadOnlyList<string>? Needs { get; init; }
    public string? Note { get; init; }
}

public static class RequestRules
{
    public const int NameMax = 100, AddressMax = 300, NoteMax = 1000;

    private const string TicketAlphabet = "ACDEFGHJKLMNPQRTUVWXY3479";   // no 0/O, 1/I, 2/Z, 5/S, 6/B, 8 look-alikes

    /// <summary>A ticket code that cannot be guessed from another (random, ~2^28 per prefix).</summary>
    public static string NewTicket() => "HT-" + RandomNumberGenerator.GetString(TicketAlphabet, 6);

    public static bool LooksLikeTicket(string? s) => s is { Length: 9 } && s.StartsWith("HT-", StringComparison.Ordinal) && s[3..].All(TicketAlphabet.Contains);

    public static HelpNeed ParseNeeds(IEnumerable<string>? needs, FieldErrors errors)
    {
        var result = HelpNeed.None;
        foreach (var n in needs ?? [])
            if (Enum.TryParse<HelpNeed>(n, ignoreCase: true, out var one) && one != HelpNeed.None && Enum.IsDefined(one)) result |= one;
            else errors.AddIf(true, "Needs", "Help.NeedUnknown");
        errors.AddIf(result == HelpNeed.None, "Needs", "Help.NeedRequired");
        return result;
    }

    /// <summary>Checks the fields; returns them cleaned (trimmed, phone normalised). Markup is refused in the free texts
    /// (and escaped anyway when shown).</summary>
    public static (string Name, string? Phone, string? Cccd, string? Address, string? Note, HelpNeed Needs) Validate(HelpForm form, FieldErrors errors)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        static bool Markup(string? s) => s is not null && (s.Contains('<') || s.Contains('>') || s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
        var name = Clean(form.Name);
        errors.AddIf(name is null, "Name", "Help.NameRequired");
        errors.AddIf(name is { Length: > NameMax }, "Name", "Help.TooLong");
        errors.AddIf(Markup(name), "Name", "Help.Markup");
        var phone = OtherIds.NormalizePhone(form.Phone);
        errors.AddIf(phone is null, "Phone", "Help.PhoneFormat");
        var cccd = Clean(form.Cccd);
        if (cccd is not null && Cccd.Validate(cccd) is { IsValid: false } check) errors.Add("Cccd", check.Error!);
        errors.AddIf(string.IsNullOrWhiteSpace(form.CommuneCode), "CommuneCode", "Help.CommuneRequired");
        var address = Clean(form.Address);
        errors.AddIf(address is { Length: > AddressMax }, "Address", "Help.TooLong");
        errors.AddIf(Markup(address), "Address", "Help.Markup");
        var note = Clean(form.Note);
        errors.AddIf(note is { Length: > NoteMax }, "Note", "Help.TooLong");
        errors.AddIf(Markup(note), "Note", "Help.Markup");
        var needs = ParseNeeds(form.Needs, errors);
        return (name ?? "", phone, cccd, address, note, needs);
    }
}
