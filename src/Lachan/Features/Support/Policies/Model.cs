using Lachan.Features.Shared;

namespace Lachan.Features.Support.Policies;

/// <summary>Which rule a policy follows (the shape of its conditions); its amounts, dates and limits are the version's
/// data. A new policy of a known shape needs no code, a new shape does (SupportRules).</summary>
public enum SupportKind
{
    /// <summary>Decision 08 group 1: renting, still working at an IZ employer, contract signed and started before a cutoff.</summary>
    RentWorking = 1,
    /// <summary>Decision 08 group 2: renting, returning to work with a contract signed and started inside a window.</summary>
    RentReturning = 2,
    /// <summary>Resolution 68: labour contract suspended or unpaid leave (tiers by days off).</summary>
    Suspension = 3,
    /// <summary>Resolution 68: work stoppage while isolated or in a lockdown area.</summary>
    Stoppage = 4,
    /// <summary>Resolution 68: contract terminated, not eligible for unemployment benefit.</summary>
    Terminated = 5,
    /// <summary>Resolution 68: meals for F0 in treatment and F1 in quarantine, per day up to a number of days.</summary>
    Meals = 6,
    /// <summary>Resolution 68: a household business closed by order (paid per enterprise, not per worker).</summary>
    Household = 7,
    /// <summary>A province's own package for workers without a labour contract whose lodging was locked down.</summary>
    FreeWorkers = 8,
}

/// <summary>A support policy: its stable code (the outside contract: QD08-G1, NQ68-MEALS…), names, legal basis and the
/// employer's list form. What it pays and on which conditions is in its versions.</summary>
public sealed class SupportPolicy
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public required string LegalBasis { get; set; }
    /// <summary>The employer's list layout, e.g. "Mẫu 02"; none for policies without an employer list.</summary>
    public string? EmployerForm { get; set; }
    public SupportKind Kind { get; set; }
    /// <summary>Paid once per enterprise (household business) rather than per worker.</summary>
    public bool PerEnterprise => Kind == SupportKind.Household;
    public List<SupportPolicyVersion> Versions { get; set; } = [];

    /// <summary>The version in force on the day (versions never overlap, ADR-0012).</summary>
    public SupportPolicyVersion? VersionOn(DateOnly day) => Versions.FirstOrDefault(v => v.InForceOn(day));
}

/// <summary>One version of a policy's rule set, in force from EffectiveFrom to EffectiveTo (inclusive; null: open). A
/// change closes the current version and opens a new one; a check records the version id, so a past verdict can be
/// explained with the values it used. Money is whole đồng. Dates are inclusive unless named "Before".</summary>
public sealed class SupportPolicyVersion : IDatedRule
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public SupportPolicy? Policy { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>The decision or guidance the values come from.</summary>
    public required string Source { get; set; }

    /// <summary>The days the policy supports (e.g. 01/05–31/12/2021).</summary>
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>Renting window (Decision 08).</summary>
    public DateOnly? RentFrom { get; set; }
    public DateOnly? RentTo { get; set; }
    /// <summary>The contract must be signed and started before this day (group 1: 01/04/2022).</summary>
    public DateOnly? ContractBefore { get; set; }
    /// <summary>The contract must be signed and started within this window (group 2: 01/04–30/06/2022).</summary>
    public DateOnly? ContractFrom { get; set; }
    public DateOnly? ContractTo { get; set; }
    /// <summary>Contract kinds that qualify, comma separated ContractType names; empty: any.</summary>
    public string ContractKinds { get; set; } = "";
    /// <summary>Shortest contract term in months, where the term is known (indefinite always qualifies).</summary>
    public int MinContractMonths { get; set; }
    /// <summary>On the compulsory social-insurance list in the month before (the list month, or the first day off).</summary>
    public bool InsuredMonthBefore { get; set; }
    /// <summary>Only employees of employers in an industrial zone (Decision 08 in a province outside the key regions).</summary>
    public bool RequiresIzEmployer { get; set; }
    /// <summary>Fewest days off work, stopped or closed (stoppage 14, suspension 15, household 15).</summary>
    public int? MinDays { get; set; }
    /// <summary>The amount: per month (rent), per day (meals) or once (others).</summary>
    public long Amount { get; set; }
    /// <summary>A higher amount from this many days off (suspension: 30 days, i.e. a month → 3,710,000).</summary>
    public int? UpperTierDays { get; set; }
    public long? UpperTierAmount { get; set; }
    /// <summary>Most days paid for F1 (meals: 21) and for F0 (45).</summary>
    public int? MaxDays { get; set; }
    public int? MaxDaysCase { get; set; }
    /// <summary>Most months paid (rent: 3).</summary>
    public int? MaxMonths { get; set; }
    /// <summary>The day of the month by which the employer's list is due (group 2: before the 15th).</summary>
    public int? ListDeadlineDay { get; set; }
    /// <summary>Terminated: a worker insured at least this many months of the 24 before may draw unemployment benefit
    /// instead (Law on Employment, art. 49: 12 months).</summary>
    public int? UnemploymentInsuredMonths { get; set; }
    /// <summary>Added to an eligible worker's amount when the list declares her pregnant (Resolution 68, termination:
    /// 1,000,000); null: the policy pays no such supplement and ignores the column.</summary>
    public long? PregnancySupplement { get; set; }
    /// <summary>Added once per child under six the list declares (termination, meals: 1,000,000; only one parent may
    /// claim a child); null: no such supplement, the column is ignored.</summary>
    public long? ChildSupplement { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);

    /// <summary>ContractKinds parsed (once per text: a simulation asks for every worker and month).</summary>
    public IReadOnlyList<Registry.Contracts.ContractType> AllowedContracts
    {
        get
        {
            if (_allowed is { } cached && cached.Text == ContractKinds) return cached.Kinds;
            var kinds = ContractKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Enum.Parse<Registry.Contracts.ContractType>).ToList();
            _allowed = (ContractKinds, kinds);
            return kinds;
        }
    }
    private (string Text, List<Registry.Contracts.ContractType> Kinds)? _allowed;

    /// <summary>A copy to start a new version from: same values, not saved, open-ended.</summary>
    public SupportPolicyVersion Copy()
    {
        var copy = (SupportPolicyVersion)MemberwiseClone();
        copy.Id = 0;
        copy.Policy = null;
        copy.EffectiveTo = null;
        return copy;
    }
}
