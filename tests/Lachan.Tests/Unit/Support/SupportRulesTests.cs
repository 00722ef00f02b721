using System.Globalization;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Policies;

namespace Lachan.Tests.Unit.Support;

/// <summary>Every condition of every seeded policy at its edges (DOMAIN.md §6), one row per case: the facts that differ
/// from a worker who qualifies, and the expected amount or reason code.</summary>
public sealed class SupportRulesTests
{
    private const int Employer = 1, OtherEmployer = 2, House = 10;

    internal static DateOnly D(string dmy) => DateOnly.ParseExact(dmy, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static SupportPolicyVersion Version(string code)
    {
        var policy = PolicySeed.All().Single(p => p.Code == code);
        var v = policy.Versions[0];
        v.Policy = policy;
        v.Id = 700 + (int)policy.Kind;
        return v;
    }

    private static HashSet<DateOnly> Months(string from, string to)
    {
        var set = new HashSet<DateOnly>();
        for (var m = D("01/" + from); m <= D("01/" + to); m = m.AddMonths(1)) set.Add(m);
        return set;
    }

    private static Span[] Spans(string? from, string? to) => from is null ? [] : [new Span(D(from), to is null ? null : D(to))];

    /// <summary>A worker at an IZ employer since <paramref name="hired"/>, lodging since <paramref name="lodging"/>,
    /// insured in the months given (MM/yyyy), with days orders stopped the employer.</summary>
    private static WorkerFacts Worker(string hired = "01/01/2020", string? left = null, ContractType contract = ContractType.Indefinite,
        string? signed = null, int? term = null, bool iz = true, string? lodging = "01/01/2020", string? lodgingTo = null,
        HashSet<DateOnly>? insured = null, Span[]? stopped = null, Span[]? locked = null, Span[]? quarantines = null, Span[]? cases = null,
        bool employed = true) =>
        new(1, true,
            employed ? [new EmploymentFact(Employer, D(hired), left is null ? null : D(left), contract, iz, stopped ?? []) { SignedOn = signed is null ? null : D(signed), ContractMonths = term }] : [],
            lodging is null ? [] : [new LodgingFact(House, D(lodging), lodgingTo is null ? null : D(lodgingTo), locked ?? [])],
            insured ?? Months("01/2019", "12/2022"), quarantines ?? [], cases ?? []);

    private static void Expect(Verdict verdict, SupportPolicyVersion v, long amount, string? reason)
    {
        Assert.Equal(v.Id, verdict.PolicyVersionId);
        Assert.Equal(amount, verdict.Amount);
        Assert.Equal(amount > 0, verdict.Eligible);
        if (reason is null) Assert.Empty(verdict.Reasons);
        else
        {
            Assert.Contains(reason, verdict.Reasons.Select(r => r.Code));
            Assert.All(verdict.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Vi)));
        }
    }

    // ---------------- Decision 08, group 1: list month April 2022 ----------------
    [Theory]
    [InlineData("baseline", 500_000, null)]
    [InlineData("hired 31/03/2022", 500_000, null)]
    [InlineData("hired 01/04/2022", 0, "contract-after-cutoff")]
    [InlineData("signed and started 31/03/2022", 500_000, null)]
    [InlineData("signed 31/03, started 01/04/2022", 0, "contract-after-cutoff")]
    [InlineData("signed 01/04, started 31/03/2022", 0, "contract-after-cutoff")]
    [InlineData("insured only up to 02/2022", 0, "not-insured-month-before")]
    [InlineData("insured only 03/2022", 500_000, null)]
    [InlineData("lodging from 30/04/2022", 500_000, null)]
    [InlineData("lodging from 01/05/2022", 0, "not-lodging")]
    [InlineData("moved out, last night 31/03/2022", 0, "not-lodging")]
    [InlineData("no lodging", 0, "not-lodging")]
    [InlineData("employer outside IZ", 0, "not-at-iz-employer")]
    [InlineData("probation contract", 0, "contract-kind")]
    [InlineData("definite, term unknown", 500_000, null)]
    [InlineData("seasonal, 0 months", 0, "contract-too-short")]
    [InlineData("seasonal, 1 month", 500_000, null)]
    [InlineData("left 31/03/2022", 0, "not-employed")]
    [InlineData("left 01/04/2022", 500_000, null)]
    [InlineData("other employer's list", 0, "not-employed")]
    [InlineData("not in registry", 0, "not-in-registry")]
    [InlineData("month 07/2022", 0, "outside-period")]
    [InlineData("month 01/2022", 0, "outside-period")]
    public void Rent_group1(string @case, long amount, string? reason)
    {
        var v = Version("QD08-G1");
        var (from, to) = (D("01/04/2022"), D("30/04/2022"));
        int? enterprise = Employer;
        var f = @case switch
        {
            "baseline" => Worker(),
            "hired 31/03/2022" => Worker(hired: "31/03/2022"),
            "hired 01/04/2022" => Worker(hired: "01/04/2022"),
            "signed and started 31/03/2022" => Worker(hired: "31/03/2022", signed: "31/03/2022"),
            "signed 31/03, started 01/04/2022" => Worker(hired: "01/04/2022", signed: "31/03/2022"),
            "signed 01/04, started 31/03/2022" => Worker(hired: "31/03/2022", signed: "01/04/2022"),
            "insured only up to 02/2022" => Worker(insured: Months("01/2021", "02/2022")),
            "insured only 03/2022" => Worker(insured: Months("03/2022", "03/2022")),
            "lodging from 30/04/2022" => Worker(lodging: "30/04/2022"),
            "lodging from 01/05/2022" => Worker(lodging: "01/05/2022"),
            "moved out, last night 31/03/2022" => Worker(lodgingTo: "31/03/2022"),
            "no lodging" => Worker(lodging: null),
            "employer outside IZ" => Worker(iz: false),
            "probation contract" => Worker(contract: ContractType.Probation),
            "definite, term unknown" => Worker(contract: ContractType.Definite),
            "seasonal, 0 months" => Worker(contract: ContractType.Seasonal, term: 0),
            "seasonal, 1 month" => Worker(contract: ContractType.Seasonal, term: 1),
            "left 31/03/2022" => Worker(left: "31/03/2022"),
            "left 01/04/2022" => Worker(left: "01/04/2022"),
            "other employer's list" => Worker(),
            "not in registry" => WorkerFacts.NotInRegistry,
            "month 07/2022" => Worker(),
            "month 01/2022" => Worker(),
            _ => throw new ArgumentException(@case),
        };
        if (@case == "other employer's list") enterprise = OtherEmployer;
        if (@case == "month 07/2022") (from, to) = (D("01/07/2022"), D("31/07/2022"));
        if (@case == "month 01/2022") (from, to) = (D("01/01/2022"), D("31/01/2022"));
        Expect(SupportRules.Evaluate(v, f, from, to, enterprise), v, amount, reason);
    }

    [Fact]
    public void Rent_group1_over_the_whole_window_pays_three_months_at_most()
    {
        var v = Version("QD08-G1");
        var verdict = SupportRules.Evaluate(v, Worker(), D("01/02/2022"), D("30/06/2022"), enterpriseId: null);
        Assert.True(verdict.Eligible);
        Assert.Equal(3 * 500_000, verdict.Amount);
        Assert.Equal(["over-max-months"], verdict.Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData("31/03/2022", 0, "outside-renting-window")]
    [InlineData("01/04/2022", 500_000, null)]
    public void Rent_window_edges_when_the_window_starts_on_01_04(string monthStart, long amount, string? reason)
    {
        // one source gives 01/04/2022 as the renting window's start: a version can say so without code
        var v = Version("QD08-G1");
        v.RentFrom = D("01/04/2022");
        var start = D(monthStart);
        var verdict = SupportRules.Evaluate(v, Worker(), start, new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1), Employer);
        Expect(verdict, v, amount, reason);
    }

    // ---------------- Decision 08, group 2 ----------------
    [Theory]
    [InlineData("31/03/2022", null, "05/2022", "03/2022", 0, "contract-outside-window")]
    [InlineData("01/04/2022", null, "05/2022", "04/2022", 1_000_000, null)]
    [InlineData("01/04/2022", "31/03/2022", "05/2022", "04/2022", 0, "contract-outside-window")]
    [InlineData("30/06/2022", null, "06/2022", "05/2022", 1_000_000, null)]
    [InlineData("01/04/2022", null, "04/2022", "04/2022", 0, "not-insured-month-before")]
    public void Rent_group2(string hired, string? signed, string month, string insuredFrom, long amount, string? reason)
    {
        var v = Version("QD08-G2");
        var start = D("01/" + month);
        var f = Worker(hired: hired, signed: signed, insured: Months(insuredFrom, "12/2022"));
        Expect(SupportRules.Evaluate(v, f, start, start.AddMonths(1).AddDays(-1), Employer), v, amount, reason);
    }

    // ---------------- Resolution 68: suspension and stoppage (days off work) ----------------
    [Theory]
    [InlineData("NQ68-SUSPEND", "18/05/2021", "31/05/2021", 0, "stopped-too-short")]       // 14 days
    [InlineData("NQ68-SUSPEND", "18/05/2021", "01/06/2021", 1_855_000, null)]              // 15 days
    [InlineData("NQ68-SUSPEND", "18/05/2021", "15/06/2021", 1_855_000, null)]              // 29 days
    [InlineData("NQ68-SUSPEND", "18/05/2021", "16/06/2021", 3_710_000, null)]              // 30 days: a month
    [InlineData("NQ68-STOPPAGE", "18/05/2021", "30/05/2021", 0, "stopped-too-short")]      // 13 days
    [InlineData("NQ68-STOPPAGE", "18/05/2021", "31/05/2021", 1_000_000, null)]             // 14 days
    [InlineData("NQ68-STOPPAGE", "20/04/2021", "10/05/2021", 0, "stopped-too-short")]      // only 10 days inside the period
    public void Days_stopped_by_orders(string code, string from, string to, long amount, string? reason)
    {
        var v = Version(code);
        var f = Worker(stopped: Spans(from, to));
        Expect(SupportRules.Evaluate(v, f, D("01/05/2021"), D("31/12/2021"), Employer), v, amount, reason);
    }

    [Theory]
    [InlineData("stopped 10 + quarantine overlapping, 14 days", 0, "stopped-too-short")]
    [InlineData("stopped 10 + quarantine overlapping, 15 days", 1_855_000, null)]
    [InlineData("lodging locked 15 days", 1_855_000, null)]
    [InlineData("treated as F0 15 days", 1_855_000, null)]
    [InlineData("left the job during the stop", 0, "stopped-too-short")]
    [InlineData("not insured the month before the first day off", 0, "not-insured-month-before")]
    [InlineData("insured only the month before", 1_855_000, null)]
    [InlineData("not employed", 0, "not-employed")]
    public void Suspension_counts_every_cause_once(string @case, long amount, string? reason)
    {
        var v = Version("NQ68-SUSPEND");
        var f = @case switch
        {
            "stopped 10 + quarantine overlapping, 14 days" => Worker(stopped: Spans("18/05/2021", "27/05/2021"), quarantines: Spans("25/05/2021", "31/05/2021")),
            "stopped 10 + quarantine overlapping, 15 days" => Worker(stopped: Spans("18/05/2021", "27/05/2021"), quarantines: Spans("25/05/2021", "01/06/2021")),
            "lodging locked 15 days" => Worker(locked: Spans("18/05/2021", "01/06/2021")),
            "treated as F0 15 days" => Worker(cases: Spans("18/05/2021", "01/06/2021")),
            "left the job during the stop" => Worker(left: "24/05/2021", stopped: Spans("18/05/2021", "30/06/2021")),
            "not insured the month before the first day off" => Worker(stopped: Spans("18/05/2021", "30/06/2021"), insured: Months("05/2021", "12/2021")),
            "insured only the month before" => Worker(stopped: Spans("18/05/2021", "01/06/2021"), insured: Months("04/2021", "04/2021")),
            "not employed" => Worker(employed: false),
            _ => throw new ArgumentException(@case),
        };
        Expect(SupportRules.Evaluate(v, f, D("01/05/2021"), D("31/12/2021"), Employer), v, amount, reason);
    }

    // ---------------- Resolution 68: termination ----------------
    [Theory]
    [InlineData("15/06/2021", "05/2021", "05/2021", 3_710_000, null)]
    [InlineData("15/06/2021", "06/2020", "05/2021", 0, "unemployment-eligible")]   // 12 insured months
    [InlineData("15/06/2021", "07/2020", "05/2021", 3_710_000, null)]             // 11
    [InlineData("15/06/2021", "01/2021", "04/2021", 0, "not-insured-month-before")]
    [InlineData("30/04/2021", "01/2021", "04/2021", 0, "not-terminated")]          // before the period
    [InlineData(null, "01/2021", "04/2021", 0, "not-terminated")]
    public void Terminated(string? left, string insuredFrom, string insuredTo, long amount, string? reason)
    {
        var v = Version("NQ68-TERMINATED");
        var f = Worker(left: left, insured: Months(insuredFrom, insuredTo));
        Expect(SupportRules.Evaluate(v, f, D("01/05/2021"), D("31/12/2021"), Employer), v, amount, reason);
    }

    // ---------------- Resolution 68: meals ----------------
    [Theory]
    [InlineData("F1 21 days", 21 * 80_000, null)]
    [InlineData("F1 22 days", 21 * 80_000, "over-max-days")]
    [InlineData("F0 45 days", 45 * 80_000, null)]
    [InlineData("F0 46 days", 45 * 80_000, "over-max-days")]
    [InlineData("F1 then F0, overlapping days count once", (5 + 10) * 80_000, null)]
    [InlineData("F1 from 26/04/2021", 20 * 80_000, null)]
    [InlineData("neither", 0, "not-isolated")]
    public void Meals(string @case, long amount, string? reason)
    {
        var v = Version("NQ68-MEALS");
        var f = @case switch
        {
            "F1 21 days" => Worker(quarantines: Spans("20/05/2021", "09/06/2021")),
            "F1 22 days" => Worker(quarantines: Spans("20/05/2021", "10/06/2021")),
            "F0 45 days" => Worker(cases: Spans("20/05/2021", "03/07/2021")),
            "F0 46 days" => Worker(cases: Spans("20/05/2021", "04/07/2021")),
            "F1 then F0, overlapping days count once" => Worker(quarantines: Spans("20/05/2021", "02/06/2021"), cases: Spans("25/05/2021", "03/06/2021")),
            "F1 from 26/04/2021" => Worker(quarantines: Spans("26/04/2021", "16/05/2021")),
            "neither" => Worker(),
            _ => throw new ArgumentException(@case),
        };
        Expect(SupportRules.Evaluate(v, f, D("01/04/2021"), D("31/12/2021"), enterpriseId: null), v, amount, reason);
    }

    // ---------------- Resolution 68: household business; the province's free workers ----------------
    [Theory]
    [InlineData("18/05/2021", "31/05/2021", 0, "stopped-too-short")]   // 14 days
    [InlineData("18/05/2021", "01/06/2021", 3_000_000, null)]          // 15 days
    public void Household_closed_15_days(string from, string to, long amount, string? reason)
    {
        var v = Version("NQ68-HOUSEHOLD");
        Expect(SupportRules.Evaluate(v, Worker(stopped: Spans(from, to)), D("01/05/2021"), D("31/12/2021"), Employer), v, amount, reason);
    }

    [Theory]
    [InlineData("locked 14 days, no contract", 1_500_000, null)]
    [InlineData("locked 13 days, no contract", 0, "stopped-too-short")]
    [InlineData("locked while under contract", 0, "has-contract")]
    [InlineData("contract ended before the lockdown", 1_500_000, null)]
    [InlineData("lodging never locked", 0, "not-locked-down")]
    [InlineData("no lodging", 0, "not-lodging")]
    public void Free_workers(string @case, long amount, string? reason)
    {
        var v = Version("BG-FREE-WORKERS");
        var f = @case switch
        {
            "locked 14 days, no contract" => Worker(employed: false, locked: Spans("18/05/2021", "31/05/2021")),
            "locked 13 days, no contract" => Worker(employed: false, locked: Spans("18/05/2021", "30/05/2021")),
            "locked while under contract" => Worker(locked: Spans("18/05/2021", "31/05/2021")),
            "contract ended before the lockdown" => Worker(left: "10/05/2021", locked: Spans("18/05/2021", "31/05/2021")),
            "lodging never locked" => Worker(employed: false),
            "no lodging" => Worker(employed: false, lodging: null),
            _ => throw new ArgumentException(@case),
        };
        Expect(SupportRules.Evaluate(v, f, D("01/05/2021"), D("31/12/2021"), enterpriseId: null), v, amount, reason);
    }

    [Fact]
    public void Every_seeded_policy_has_a_rule_and_a_version()
    {
        foreach (var p in PolicySeed.All())
        {
            var v = Version(p.Code);
            var verdict = SupportRules.Evaluate(v, Worker(), v.PeriodFrom, v.PeriodTo, null);
            Assert.Equal(v.Id, verdict.PolicyVersionId);
        }
        Assert.Equal(["BG-FREE-WORKERS", "NQ68-HOUSEHOLD", "NQ68-MEALS", "NQ68-STOPPAGE", "NQ68-SUSPEND", "NQ68-TERMINATED", "QD08-G1", "QD08-G2"],
            PolicySeed.All().Select(p => p.Code).Order(StringComparer.Ordinal));
    }
}
