using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Relief.Contracts;

/// <summary>The relief module's rows of the access matrix. The Labour Federation runs the Worker Life Support Team
/// (DOMAIN.md §7); communes help the residents of their lodging houses; volunteers see and deliver only what they are
/// assigned (a row filter, not an area).</summary>
public static class ReliefAreas
{
    /// <summary>Help requests: hotline, triage, dispatch, delivery, "no one left hungry".</summary>
    public static readonly Area Requests = new("Requests", r => r switch
    {
        Role.LabourFederation or Role.Commune or Role.Volunteer => Access.Write,
        Role.District or Role.LabourDepartment => Access.Read,
        _ => Access.None,
    });

    /// <summary>Zero-đồng supermarkets, warehouses and stock, donations and the ledger.</summary>
    public static readonly Area Supplies = new("Supplies", r => r switch
    {
        Role.LabourFederation or Role.Volunteer => Access.Write,
        Role.District or Role.LabourDepartment or Role.Commune => Access.Read,
        _ => Access.None,
    });

    public static IReadOnlyList<Area> All => [Requests, Supplies];
}
