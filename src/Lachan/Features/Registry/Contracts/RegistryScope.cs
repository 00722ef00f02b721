using System.Linq.Expressions;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Registry.Contracts;

/// <summary>The registry's rows a caller may see, composed from the caller's <see cref="Jurisdiction"/>: the one row
/// filter every module applies to workers, enterprises, lodging houses and zones.</summary>
public static class RegistryScope
{
    public static IQueryable<Worker> Workers(this Jurisdiction j, IQueryable<Worker> q) => j.Role switch
    {
        null => q.Where(_ => false),
        _ when !j.Can(RegistryAreas.Workers, Access.Read) => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(w => w.ProvinceCode == j.Scope),
        Role.IzBoard when j.AllZones => q.Where(w => w.CurrentEnterprise!.IndustrialZoneId != null),
        Role.IzBoard => q.Where(w => w.CurrentEnterprise!.IndustrialZone!.Code == j.Scope),
        Role.EnterpriseHr => q.Where(w => w.CurrentEnterprise!.TaxCode == j.Scope),
        Role.Commune => q.Where(w => w.CurrentLodgingHouse!.CommuneCode == j.Scope),
        Role.District => q.Where(w => w.CurrentLodgingHouse!.DistrictCode == j.Scope),
        _ => q.Where(_ => false),
    };

    public static IQueryable<Enterprise> Enterprises(this Jurisdiction j, IQueryable<Enterprise> q) => j.Role switch
    {
        null => q.Where(_ => false),
        _ when !j.Can(RegistryAreas.Enterprises, Access.Read) => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(e => e.ProvinceCode == j.Scope),
        Role.IzBoard when j.AllZones => q.Where(e => e.IndustrialZoneId != null),
        Role.IzBoard => q.Where(e => e.IndustrialZone!.Code == j.Scope),
        Role.EnterpriseHr => q.Where(e => e.TaxCode == j.Scope),
        Role.Commune => q.Where(e => e.CommuneCode == j.Scope),
        Role.District => q.Where(e => e.DistrictCode == j.Scope),
        _ => q.Where(_ => false),
    };

    public static IQueryable<LodgingHouse> LodgingHouses(this Jurisdiction j, IQueryable<LodgingHouse> q) => j.Role switch
    {
        null => q.Where(_ => false),
        _ when !j.Can(RegistryAreas.Lodging, Access.Read) => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(l => l.ProvinceCode == j.Scope),
        Role.IzBoard => q, // the board sees where the zones' workers live, province-wide
        Role.Commune => q.Where(l => l.CommuneCode == j.Scope),
        Role.District => q.Where(l => l.DistrictCode == j.Scope),
        _ => q.Where(_ => false),
    };

    public static IQueryable<IndustrialZone> Zones(this Jurisdiction j, IQueryable<IndustrialZone> q) => j.Role switch
    {
        null => q.Where(_ => false),
        _ when !j.Can(RegistryAreas.Places, Access.Read) => q.Where(_ => false),
        Role.IzBoard when !j.AllZones => q.Where(z => z.Code == j.Scope),
        _ => q,
    };

    /// <summary>The workers of the jurisdiction on a day, for views "on date D": employed on the day at an enterprise of
    /// the zone or the enterprise itself, residing on the day in a house of the commune or district. A roster committed
    /// today must not change who was in a zone in 2021; the current-registry pages keep <see cref="Workers"/>.</summary>
    public static IQueryable<Worker> WorkersOn(this Jurisdiction j, IQueryable<Worker> q, DateOnly day) => j.OfWorkersOn(q, w => w, _ => day);

    /// <summary>Records of a worker on a day of their own (a case on its confirmation date), kept when the worker was
    /// in the jurisdiction on that day (<see cref="WorkersOn"/>). One set-based predicate, no row read to decide.</summary>
    public static IQueryable<T> OfWorkersOn<T>(this Jurisdiction j, IQueryable<T> q, Expression<Func<T, Worker?>> worker, Expression<Func<T, DateOnly>> day)
    {
        var held = HeldOn(j);
        var row = worker.Parameters[0];
        var body = new Replace(held.Parameters[0], worker.Body).Visit(held.Body);
        body = new Replace(held.Parameters[1], new Replace(day.Parameters[0], row).Visit(day.Body)).Visit(body);
        return q.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    /// <summary>Whether a worker is in the jurisdiction on a day (periods end the day before their To, as everywhere).</summary>
    private static Expression<Func<Worker, DateOnly, bool>> HeldOn(Jurisdiction j) => j.Role switch
    {
        null => (w, d) => false,
        _ when !j.Can(RegistryAreas.Workers, Access.Read) => (w, d) => false,
        _ when j.IsProvinceWide => (w, d) => w.ProvinceCode == j.Scope,
        Role.IzBoard when j.AllZones => (w, d) =>
            w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.IndustrialZoneId != null),
        Role.IzBoard => (w, d) =>
            w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.IndustrialZone!.Code == j.Scope),
        Role.EnterpriseHr => (w, d) => w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.TaxCode == j.Scope),
        Role.Commune => (w, d) => w.Residences.Any(r => r.From <= d && (r.To == null || r.To > d) && r.LodgingHouse!.CommuneCode == j.Scope),
        Role.District => (w, d) => w.Residences.Any(r => r.From <= d && (r.To == null || r.To > d) && r.LodgingHouse!.DistrictCode == j.Scope),
        _ => (w, d) => false,
    };

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
