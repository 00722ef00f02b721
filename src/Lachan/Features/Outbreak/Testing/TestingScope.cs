using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Outbreak.Testing;

/// <summary>Samples and screening through the one access decision (Jurisdiction): the Health area for the right, the
/// members' jurisdiction for which samples, the enterprise's for which schedules.</summary>
public sealed class TestingScope(LachanDb db, Jurisdiction scope)
{
    public bool CanRead => scope.Can(OutbreakAreas.Health, Access.Read);
    public bool CanWrite => scope.Can(OutbreakAreas.Health, Access.Write);

    public IQueryable<Worker> Workers() => CanRead ? scope.Workers(db.Set<Worker>()) : db.Set<Worker>().Where(_ => false);

    /// <summary>The workers of the jurisdiction on a day, for the dated screening list.</summary>
    public IQueryable<Worker> WorkersOn(DateOnly day) => CanRead ? scope.WorkersOn(db.Set<Worker>(), day) : db.Set<Worker>().Where(_ => false);

    public IQueryable<Enterprise> Enterprises() => CanRead ? scope.Enterprises(db.Set<Enterprise>()) : db.Set<Enterprise>().Where(_ => false);

    /// <summary>A sample is seen when one of its members is (a pool is taken at one site, so in practice all are).</summary>
    public IQueryable<TestSample> Samples()
    {
        var workers = Workers();
        return db.Set<TestSample>().Where(s => s.Members.Any(m => workers.Any(w => w.Id == m.WorkerId)));
    }

    public IQueryable<ScreeningSchedule> Schedules()
    {
        var enterprises = Enterprises();
        return db.Set<ScreeningSchedule>().Where(s => enterprises.Any(e => e.Id == s.EnterpriseId));
    }
}
