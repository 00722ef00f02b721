using Lachan.Features.Relief.Contracts;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Relief.Requests;

/// <summary>The requests a caller may see: the province's desks all of them, a district or commune those of its area,
/// a volunteer only those assigned to them (the row filter of the Requests area).</summary>
public sealed class RequestScope(Jurisdiction j, CurrentUser user)
{
    public bool CanRead => j.Can(ReliefAreas.Requests, Access.Read);
    public bool CanWrite => j.Can(ReliefAreas.Requests, Access.Write);
    /// <summary>Desks that triage and dispatch (not volunteers, who only deliver).</summary>
    public bool CanDispatch => CanWrite && j.Role != Role.Volunteer;
    public bool IsVolunteer => j.Role == Role.Volunteer;
    public string UserName => user.Name;

    public IQueryable<HelpRequest> Requests(IQueryable<HelpRequest> q) => j.Role switch
    {
        _ when !CanRead => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(r => r.ProvinceCode == j.Scope),
        Role.District => q.Where(r => r.DistrictCode == j.Scope),
        Role.Commune => q.Where(r => r.CommuneCode == j.Scope),
        Role.Volunteer => q.Where(r => r.VolunteerUserName == user.Name),
        _ => q.Where(_ => false),
    };

    public IQueryable<ReliefTeam> Teams(IQueryable<ReliefTeam> q) => j.Role switch
    {
        _ when !CanRead => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(t => t.ProvinceCode == j.Scope),
        Role.District => q.Where(t => t.DistrictCode == j.Scope),
        Role.Commune => q.Where(t => t.CommuneCode == j.Scope),
        _ => q.Where(_ => false),
    };

    /// <summary>Whether a commune is inside the caller's area (to refuse creating requests elsewhere).</summary>
    public bool Covers(string communeCode, string districtCode, string provinceCode) => j.Role switch
    {
        _ when !CanWrite => false,
        _ when j.IsProvinceWide => provinceCode == j.Scope,
        Role.District => districtCode == j.Scope,
        Role.Commune => communeCode == j.Scope,
        _ => false,
    };
}
