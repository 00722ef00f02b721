using System.Diagnostics;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Support.Eligibility;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Simulation;

/// <summary>One line of a breakdown: a district, an industrial zone or an enterprise, with how many beneficiaries and how
/// much money.</summary>
public sealed record SimulationLine(string Key, string Name, int Workers, long Amount);

/// <summary>"How many and how much if this policy runs on these dates", from the records: every worker of the registry
/// evaluated by the rules. Workers counts beneficiaries (enterprises for a per-enterprise policy, see Unit).</summary>
public sealed record SimulationResult(string Policy, int PolicyVersionId, DateOnly From, DateOnly To, string Unit, int Evaluated, int Workers, long Amount,
    IReadOnlyList<SimulationLine> ByDistrict, IReadOnlyList<SimulationLine> ByZone, IReadOnlyList<SimulationLine> ByEnterprise,
    IReadOnlyDictionary<string, int> Reasons, double Seconds);

/// <summary>The cost simulation (issue 12, item 2): the policy's version in force on the first day (else its newest, e.g.
/// one planned for launch), facts for every worker in one bulk load, the pure rules, totals by district, IZ and
/// enterprise. A worker counts where they worked in the period (the latest job then), else where they lodged.</summary>
public sealed class CostSimulation(LachanDb db, SupportFacts facts)
{
    public const int MaxDays = 366 * 2;

    /// <param name="provinceCode">The registry's province to evaluate (the caller's jurisdiction); null: every worker (the CLI).</param>
    public async Task<SimulationResult?> RunAsync(string code, DateOnly from, DateOnly to, string? provinceCode, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var policy = await db.Set<SupportPolicy>().AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Code == code, ct);
        if (policy is null) return null;
        var version = policy.VersionOn(from) ?? policy.Versions.MaxBy(v => v.EffectiveFrom)!;
        version.Policy = policy;

        var ids = await db.Set<Worker>().AsNoTracking().Where(w => provinceCode == null || w.ProvinceCode == provinceCode).Select(w => w.Id).ToListAsync(ct);
        var all = await facts.ForWorkersAsync(ids, from, to, SupportFacts.InsuranceMonthsBack(version), ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => provinceCode == null || e.ProvinceCode == provinceCode)
            .Select(e => new { e.Id, e.Name, e.DistrictCode, e.IndustrialZoneId }).ToDictionaryAsync(e => e.Id, ct);
        var houses = await db.Set<LodgingHouse>().AsNoTracking().Select(h => new { h.Id, h.DistrictCode }).ToDictionaryAsync(h => h.Id, h => h.DistrictCode, ct);
        var districts = (await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Level == AdminLevel.District).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .DistinctBy(u => u.Code).ToDictionary(u => u.Code, u => u.Name);
        var zones = await db.Set<IndustrialZone>().AsNoTracking().ToDictionaryAsync(z => z.Id, z => z.Name, ct);

        var paid = new List<(string District, int? Zone, int? Enterprise, long Amount)>();
        var reasons = new Dictionary<string, int>();
        var enterprisesPaid = new HashSet<int>();
        foreach (var f in all.Values)
        {
            var verdict = SupportRules.Evaluate(version, f, from, to, null);
            if (!verdict.Eligible)
            {
                foreach (var r in verdict.Reasons) reasons[r.Code] = reasons.GetValueOrDefault(r.Code) + 1;
                continue;
            }
            var job = f.Employments.Where(e => e.Overlaps(from, to)).MaxBy(e => e.From);
            // a household business is paid once, whichever of its people is found first
            if (policy.PerEnterprise && (job is null || !enterprisesPaid.Add(job.EnterpriseId))) continue;
            // a job at an enterprise of another province counts, without naming that enterprise
            var e = job is null ? null : enterprises.GetValueOrDefault(job.EnterpriseId);
            var district = e?.DistrictCode ?? f.Lodging.Where(l => l.Overlaps(from, to)).Select(l => houses.GetValueOrDefault(l.LodgingHouseId)).FirstOrDefault() ?? "";
            paid.Add((district, e?.IndustrialZoneId, e?.Id, verdict.Amount));
        }

        static List<SimulationLine> By<TKey>(IEnumerable<(string District, int? Zone, int? Enterprise, long Amount)> rows, Func<(string District, int? Zone, int? Enterprise, long Amount), TKey> key, Func<TKey, string> name) =>
            rows.GroupBy(key).Select(g => new SimulationLine(g.Key?.ToString() ?? "", name(g.Key), g.Count(), g.Sum(x => x.Amount)))
                .OrderByDescending(l => l.Amount).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();

        return new SimulationResult(policy.Code, version.Id, from, to, policy.PerEnterprise ? "enterprise" : "worker", all.Count, paid.Count, paid.Sum(p => p.Amount),
            By(paid, p => p.District, d => districts.GetValueOrDefault(d ?? "") ?? d ?? ""),
            By(paid, p => p.Zone, z => z is { } id ? zones.GetValueOrDefault(id) ?? "" : ""),
            By(paid, p => p.Enterprise, x => x is { } id ? enterprises.GetValueOrDefault(id)?.Name ?? "" : ""),
            reasons, Math.Round(sw.Elapsed.TotalSeconds, 2));
    }
}
