using System.Linq.Expressions;
using Lachan.Features.Registry.Model;

namespace Lachan.Infrastructure.Auth;

/// <summary>Kinds of record access is decided for. Zones: outbreak control zones, their orders and who they affect.
/// Health: cases, contacts, quarantine and tests, which only health roles see (DOMAIN.md §8: health data).</summary>
public enum Area { Workers, Enterprises, Lodging, Places, Audit, Users, Zones, Health }

public enum Access { None = 0, Read = 1, Write = 2 }

/// <summary>The one place where "who may see and change what" is decided. Pages and API endpoints ask
/// <see cref="Can"/> for the kind of record and filter every query through the methods below; a record outside
/// the user's jurisdiction is simply not found (404), so ids cannot be probed.</summary>
public sealed class Jurisdiction(CurrentUser user)
{
    public Role? Role => user.Role;
    public string? Scope => user.Scope;

    /// <summary>Role × area → access. Read it as the access matrix of PRODUCT.md for the registry.</summary>
    public static Access For(Role role, Area area) => (role, area) switch
    {
        (Auth.Role.Steering, _) => Access.Write,
        (_, Area.Audit or Area.Users) => Access.None,
        (Auth.Role.Health, Area.Health) => Access.Write,
        (_, Area.Health) => Access.None,
        (Auth.Role.Volunteer or Auth.Role.Checkpoint, _) => Access.None,
        (_, Area.Places or Area.Zones) => Access.Read,
        (Auth.Role.IzBoard, Area.Workers or Area.Enterprises) => Access.Write,
        (Auth.Role.IzBoard, Area.Lodging) => Access.Read,
        (Auth.Role.EnterpriseHr, Area.Workers) => Access.Write,
        (Auth.Role.EnterpriseHr, Area.Enterprises) => Access.Read,
        (Auth.Role.EnterpriseHr, Area.Lodging) => Access.None,
        (Auth.Role.Commune or Auth.Role.District, Area.Lodging) => Access.Write,
        (Auth.Role.Commune or Auth.Role.District, Area.Workers or Area.Enterprises) => Access.Read,
        (Auth.Role.Health or Auth.Role.LabourFederation or Auth.Role.LabourDepartment or Auth.Role.SocialInsurance, _) => Access.Read,
        _ => Access.None,
    };

    public bool Can(Area area, Access needed) => Role is { } r && For(r, area) >= needed;

    private bool Province => Role is { } r && Roles.ScopeOf(r) == ScopeKind.Province;
    private bool AllZones => Role == Auth.Role.IzBoard && Scope is null or "*";

    public IQueryable<Worker> Workers(IQueryable<Worker> q) => Role switch
    {
        null => q.Where(_ => false),
        _ when !Can(Area.Workers, Access.Read) => q.Where(_ => false),
        _ when Province => q.Where(w => w.ProvinceCode == Scope),
        Auth.Role.IzBoard when AllZones => q.Where(w => w.CurrentEnterprise!.IndustrialZoneId != null),
        Auth.Role.IzBoard => q.Where(w => w.CurrentEnterprise!.IndustrialZone!.Code == Scope),
        Auth.Role.EnterpriseHr => q.Where(w => w.CurrentEnterprise!.TaxCode == Scope),
        Auth.Role.Commune => q.Where(w => w.CurrentLodgingHouse!.CommuneCode == Scope),
        Auth.Role.District => q.Where(w => w.CurrentLodgingHouse!.DistrictCode == Scope),
        _ => q.Where(_ => false),
    };

    /// <summary>The workers of the jurisdiction on a day, for views "on date D": employed on the day at an enterprise of
    /// the zone or the enterprise itself, residing on the day in a house of the commune or district. A roster committed
    /// today must not change who was in a zone in 2021; the current-registry pages keep <see cref="Workers"/>.</summary>
    public IQueryable<Worker> WorkersOn(IQueryable<Worker> q, DateOnly day) => OfWorkersOn(q, w => w, _ => day);

    /// <summary>Records of a worker on a day of their own (a case on its confirmation date), kept when the worker was
    /// in the jurisdiction on that day (<see cref="WorkersOn"/>). One set-based predicate, no row read to decide.</summary>
    public IQueryable<T> OfWorkersOn<T>(IQueryable<T> q, Expression<Func<T, Worker?>> worker, Expression<Func<T, DateOnly>> day)
    {
        var held = HeldOn();
        var row = worker.Parameters[0];
        var body = new Replace(held.Parameters[0], worker.Body).Visit(held.Body);
        body = new Replace(held.Parameters[1], new Replace(day.Parameters[0], row).Visit(day.Body)).Visit(body);
        return q.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    /// <summary>Whether a worker is in the jurisdiction on a day (periods end the day before their To, as everywhere).</summary>
    private Expression<Func<Worker, DateOnly, bool>> HeldOn() => Role switch
    {
        null => (w, d) => false,
        _ when !Can(Area.Workers, Access.Read) => (w, d) => false,
        _ when Province => (w, d) => w.ProvinceCode == Scope,
        Auth.Role.IzBoard when AllZones => (w, d) =>
            w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.IndustrialZoneId != null),
        Auth.Role.IzBoard => (w, d) =>
            w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.IndustrialZone!.Code == Scope),
        Auth.Role.EnterpriseHr => (w, d) => w.Employments.Any(e => e.From <= d && (e.To == null || e.To > d) && e.Enterprise!.TaxCode == Scope),
        Auth.Role.Commune => (w, d) => w.Residences.Any(r => r.From <= d && (r.To == null || r.To > d) && r.LodgingHouse!.CommuneCode == Scope),
        Auth.Role.District => (w, d) => w.Residences.Any(r => r.From <= d && (r.To == null || r.To > d) && r.LodgingHouse!.DistrictCode == Scope),
        _ => (w, d) => false,
    };

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    public IQueryable<Enterprise> Enterprises(IQueryable<Enterprise> q) => Role switch
    {
        null => q.Where(_ => false),
        _ when !Can(Area.Enterprises, Access.Read) => q.Where(_ => false),
        _ when Province => q.Where(e => e.ProvinceCode == Scope),
        Auth.Role.IzBoard when AllZones => q.Where(e => e.IndustrialZoneId != null),
        Auth.Role.IzBoard => q.Where(e => e.IndustrialZone!.Code == Scope),
        Auth.Role.EnterpriseHr => q.Where(e => e.TaxCode == Scope),
        Auth.Role.Commune => q.Where(e => e.CommuneCode == Scope),
        Auth.Role.District => q.Where(e => e.DistrictCode == Scope),
        _ => q.Where(_ => false),
    };

    public IQueryable<LodgingHouse> LodgingHouses(IQueryable<LodgingHouse> q) => Role switch
    {
        null => q.Where(_ => false),
        _ when !Can(Area.Lodging, Access.Read) => q.Where(_ => false),
        _ when Province => q.Where(l => l.ProvinceCode == Scope),
        Auth.Role.IzBoard => q, // the board sees where the zones' workers live, province-wide
        Auth.Role.Commune => q.Where(l => l.CommuneCode == Scope),
        Auth.Role.District => q.Where(l => l.DistrictCode == Scope),
        _ => q.Where(_ => false),
    };

    public IQueryable<IndustrialZone> Zones(IQueryable<IndustrialZone> q) => Role switch
    {
        null => q.Where(_ => false),
        _ when !Can(Area.Places, Access.Read) => q.Where(_ => false),
        Auth.Role.IzBoard when !AllZones => q.Where(z => z.Code == Scope),
        _ => q,
    };
}
