using Lachan.Features.Registry.Contracts;

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
