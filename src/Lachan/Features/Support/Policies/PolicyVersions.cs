using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Policies;

/// <summary>A new version of a policy as typed on the page: every value as text (dates dd/MM/yyyy, money in whole đồng
/// with or without thousands separators), the contract kinds ticked.</summary>
public sealed class PolicyVersionInput
{
    public string? EffectiveFrom { get; set; }
    public string? Source { get; set; }
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }
    public string? RentFrom { get; set; }
    public string? RentTo { get; set; }
    public string? ContractBefore { get; set; }
    public string? ContractFrom { get; set; }
    public string? ContractTo { get; set; }
    public List<ContractType> ContractKinds { get; set; } = [];
    public string? MinContractMonths { get; set; }
    public bool InsuredMonthBefore { get; set; }
    public bool RequiresIzEmployer { get; set; }
    public string? MinDays { get; set; }
    public string? Amount { get; set; }
    public string? UpperTierDays { get; set; }
    public string? UpperTierAmount { get; set; }
    public string? MaxDays { get; set; }
    public string? MaxDaysCase { get; set; }
    public string? MaxMonths { get; set; }
    public string? ListDeadlineDay { get; set; }
    public string? UnemploymentInsuredMonths { get; set; }
    /// <summary>Resolution 68's supplements (whole đồng): to a pregnant worker, and per child under six (one parent only).</summary>
    public string? PregnancySupplement { get; set; }
    public string? ChildSupplement { get; set; }

    private static string? Dmy(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string? N(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form filled with a version's values, to change what differs.</summary>
    public static PolicyVersionInput From(SupportPolicyVersion v) => new()
    {
        Source = v.Source, PeriodFrom = Dmy(v.PeriodFrom), PeriodTo = Dmy(v.PeriodTo), RentFrom = Dmy(v.RentFrom), RentTo = Dmy(v.RentTo),
        ContractBefore = Dmy(v.ContractBefore), ContractFrom = Dmy(v.ContractFrom), ContractTo = Dmy(v.ContractTo),
        ContractKinds = [.. v.AllowedContracts], MinContractMonths = N(v.MinContractMonths), InsuredMonthBefore = v.InsuredMonthBefore,
        RequiresIzEmployer = v.RequiresIzEmployer, MinDays = N(v.MinDays), Amount = N(v.Amount), UpperTierDays = N(v.UpperTierDays),
        UpperTierAmount = N(v.UpperTierAmount), MaxDays = N(v.MaxDays), MaxDaysCase = N(v.MaxDaysCase), MaxMonths = N(v.MaxMonths),
        ListDeadlineDay = N(v.ListDeadlineDay), UnemploymentInsuredMonths = N(v.UnemploymentInsuredMonths),
        PregnancySupplement = N(v.PregnancySupplement), ChildSupplement = N(v.ChildSupplement),
    };
}

/// <summary>The policies and their versions; an administrator of the province (SupportPolicies write) changes a policy by
/// a new version from a day (today or later, after every earlier version's first day): the version in force then ends
/// the day before, nothing else of it is written (as the outbreak rules, ADR-0012). Audited in the same transaction.</summary>
public sealed class PolicyVersions(LachanDb db, Jurisdiction scope, AuditLog audit, ProvinceCalendar calendar)
{
    public const int MaxSourceLength = 300, MaxDaysLimit = 366;
    public const long MaxAmount = 1_000_000_000;

    public bool CanRead => scope.Can(SupportAreas.Policies, Access.Read);
    public bool CanWrite => scope.Can(SupportAreas.Policies, Access.Write);

    public Task<List<SupportPolicy>> ListAsync(CancellationToken ct = default) =>
        db.Set<SupportPolicy>().AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);

    public Task<SupportPolicy?> GetAsync(int id, CancellationToken ct = default) =>
        db.Set<SupportPolicy>().AsNoTracking().Include(p => p.Versions.OrderByDescending(v => v.EffectiveFrom)).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The version a reader sees as the policy's values today: the one in force, else the latest that started,
    /// else the first to come.</summary>
    public static SupportPolicyVersion? Current(SupportPolicy p, DateOnly today) =>
        p.VersionOn(today) ?? p.Versions.Where(v => v.EffectiveFrom <= today).MaxBy(v => v.EffectiveFrom) ?? p.Versions.MinBy(v => v.EffectiveFrom);

    /// <summary>As below, for the policy with this stable code (the API's way to name it).</summary>
    public async Task<SaveResult> AddAsync(string code, PolicyVersionInput f, CancellationToken ct = default) =>
        await db.Set<SupportPolicy>().Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } id
            ? await AddAsync(id, f, ct) : new SaveResult.NotFound();

    public async Task<SaveResult> AddAsync(int policyId, PolicyVersionInput f, CancellationToken ct = default)
    {
        if (!CanWrite) return new SaveResult.NotFound();
        var policy = await db.Set<SupportPolicy>().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) return new SaveResult.NotFound();
        var errors = new FieldErrors();
        var v = Parse(f, errors);
        errors.AddIf(v.EffectiveFrom < calendar.Today && !errors.ContainsKey(nameof(f.EffectiveFrom)), nameof(f.EffectiveFrom), "Rule.FromBeforeToday");
        errors.AddIf(policy.Versions.Any(x => x.EffectiveFrom >= v.EffectiveFrom), nameof(f.EffectiveFrom), "Rule.FromNotAfterLatest");
        if (!errors.Ok) return new SaveResult.Invalid(errors);

        v.PolicyId = policy.Id;
        var superseded = policy.Versions.Where(x => x.EffectiveTo is null || x.EffectiveTo >= v.EffectiveFrom).ToList();
        var before = superseded.Select(x => new { x.Id, x.EffectiveTo }).ToList();
        foreach (var x in superseded) x.EffectiveTo = v.EffectiveFrom.AddDays(-1);
        db.Add(v);
        await audit.SaveThenRecordAsync("create", nameof(SupportPolicyVersion), () => v.Id, new { policy.Code, Superseded = before },
            () => new { policy.Code, Version = Snapshot(v), Superseded = superseded.Select(x => new { x.Id, x.EffectiveTo }) }, ct);
        return new SaveResult.Saved(v.Id);
    }

    private static object Snapshot(SupportPolicyVersion v) => new
    {
        v.EffectiveFrom, v.Source, v.PeriodFrom, v.PeriodTo, v.RentFrom, v.RentTo, v.ContractBefore, v.ContractFrom, v.ContractTo, v.ContractKinds,
        v.MinContractMonths, v.InsuredMonthBefore, v.RequiresIzEmployer, v.MinDays, v.Amount, v.UpperTierDays, v.UpperTierAmount, v.MaxDays,
        v.MaxDaysCase, v.MaxMonths, v.ListDeadlineDay, v.UnemploymentInsuredMonths, v.PregnancySupplement, v.ChildSupplement,
    };

    /// <summary>Every field checked, each error under its own field name; pairs (period, renting window, contract window,
    /// upper tier) must be complete and in order.</summary>
    internal static SupportPolicyVersion Parse(PolicyVersionInput f, FieldErrors errors)
    {
        DateOnly? Date(string? text, string field, bool required = false)
        {
            errors.AddIf(required && string.IsNullOrWhiteSpace(text), field, "Field.Required");
            return Dates.Parse(text, field, errors);
        }
        long? Number(string? text, string field, long max, bool required = false)
        {
            var clean = (text ?? "").Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (clean.Length == 0) { errors.AddIf(required, field, "Field.Required"); return null; }
            if (long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max) return n;
            errors.Add(field, "Support.NumberRange", max.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
            return null;
        }
        int? Small(string? text, string field, int max) => (int?)Number(text, field, max);
        void Pair(DateOnly? from, DateOnly? to, string fromField, string toField)
        {
            errors.AddIf(from is null != to is null, from is null ? fromField : toField, "Support.BothDates");
            errors.AddIf(from > to, toField, "Support.EndBeforeStart");
        }

        var v = new SupportPolicyVersion
        {
            EffectiveFrom = Date(f.EffectiveFrom, nameof(f.EffectiveFrom), true) ?? default,
            Source = f.Source?.Trim() ?? "",
            PeriodFrom = Date(f.PeriodFrom, nameof(f.PeriodFrom), true) ?? default,
            PeriodTo = Date(f.PeriodTo, nameof(f.PeriodTo), true) ?? default,
            RentFrom = Date(f.RentFrom, nameof(f.RentFrom)), RentTo = Date(f.RentTo, nameof(f.RentTo)),
            ContractBefore = Date(f.ContractBefore, nameof(f.ContractBefore)),
            ContractFrom = Date(f.ContractFrom, nameof(f.ContractFrom)), ContractTo = Date(f.ContractTo, nameof(f.ContractTo)),
            ContractKinds = string.Join(',', f.ContractKinds.Distinct().Order()),
            MinContractMonths = Small(f.MinContractMonths, nameof(f.MinContractMonths), 120) ?? 0,
            InsuredMonthBefore = f.InsuredMonthBefore, RequiresIzEmployer = f.RequiresIzEmployer,
            MinDays = Small(f.MinDays, nameof(f.MinDays), MaxDaysLimit),
            Amount = Number(f.Amount, nameof(f.Amount), MaxAmount, required: true) ?? 0,
            UpperTierDays = Small(f.UpperTierDays, nameof(f.UpperTierDays), MaxDaysLimit),
            UpperTierAmount = Number(f.UpperTierAmount, nameof(f.UpperTierAmount), MaxAmount),
            MaxDays = Small(f.MaxDays, nameof(f.MaxDays), MaxDaysLimit), MaxDaysCase = Small(f.MaxDaysCase, nameof(f.MaxDaysCase), MaxDaysLimit),
            MaxMonths = Small(f.MaxMonths, nameof(f.MaxMonths), 36), ListDeadlineDay = Small(f.ListDeadlineDay, nameof(f.ListDeadlineDay), 31),
            UnemploymentInsuredMonths = Small(f.UnemploymentInsuredMonths, nameof(f.UnemploymentInsuredMonths), 120),
            PregnancySupplement = Number(f.PregnancySupplement, nameof(f.PregnancySupplement), MaxAmount),
            ChildSupplement = Number(f.ChildSupplement, nameof(f.ChildSupplement), MaxAmount),
        };
        errors.AddIf(string.IsNullOrWhiteSpace(f.Source), nameof(f.Source), "Field.Required");
        errors.AddIf(v.Source.Length > MaxSourceLength, nameof(f.Source), "Rule.SourceTooLong");
        errors.AddIf(v.Amount == 0 && !errors.ContainsKey(nameof(f.Amount)), nameof(f.Amount), "Support.AmountPositive");
        errors.AddIf(v.PeriodFrom > v.PeriodTo && v.PeriodTo != default, nameof(f.PeriodTo), "Support.EndBeforeStart");
        Pair(v.RentFrom, v.RentTo, nameof(f.RentFrom), nameof(f.RentTo));
        Pair(v.ContractFrom, v.ContractTo, nameof(f.ContractFrom), nameof(f.ContractTo));
        errors.AddIf(v.UpperTierDays is null != v.UpperTierAmount is null, v.UpperTierDays is null ? nameof(f.UpperTierDays) : nameof(f.UpperTierAmount), "Support.TierIncomplete");
        errors.AddIf(v.ListDeadlineDay is 0, nameof(f.ListDeadlineDay), "Support.DayOfMonth");
        return v;
    }
}
