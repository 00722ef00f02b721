using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Registry.Contracts;

/// <summary>The registry's rows of the access matrix (PRODUCT.md). The steering committee may do everything.</summary>
public static class RegistryAreas
{
    private static bool Outsider(Role r) => r is Role.Volunteer or Role.Checkpoint;
    private static bool ProvinceReader(Role r) => r is Role.Health or Role.LabourFederation or Role.LabourDepartment or Role.SocialInsurance;

    public static readonly Area Workers = new("Workers", r => r switch
    {
        Role.IzBoard or Role.EnterpriseHr => Access.Write,
        Role.Commune or Role.District => Access.Read,
        _ when ProvinceReader(r) => Access.Read,
        _ => Access.None,
    });

    public static readonly Area Enterprises = new("Enterprises", r => r switch
    {
        Role.IzBoard => Access.Write,
        Role.EnterpriseHr or Role.Commune or Role.District => Access.Read,
        _ when ProvinceReader(r) => Access.Read,
        _ => Access.None,
    });

    public static readonly Area Lodging = new("Lodging", r => r switch
    {
        Role.Commune or Role.District => Access.Write,
        Role.IzBoard => Access.Read,
        _ when ProvinceReader(r) => Access.Read,
        _ => Access.None,
    });

    /// <summary>Administrative units and industrial zones: everyone with a desk may read them.</summary>
    public static readonly Area Places = new("Places", r => Outsider(r) ? Access.None : Access.Read);

    /// <summary>Reviewing a hire of someone employed elsewhere (ADR-0014): the zone board of the current employer.</summary>
    public static readonly Area Transfers = new("Transfers", r => r == Role.IzBoard ? Access.Write : Access.None);

    public static IReadOnlyList<Area> All => [Workers, Enterprises, Lodging, Places, Transfers];
}
