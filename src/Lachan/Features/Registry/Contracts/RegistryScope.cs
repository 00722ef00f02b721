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
}
