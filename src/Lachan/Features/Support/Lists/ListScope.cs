using Lachan.Features.Support.Contracts;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Lists;

/// <summary>Which lists a caller sees (the province's desks all of the province, a district its district, an IZ board
/// its zone, HR its enterprise) and which step of the chain each role may take. A list outside the caller's
/// jurisdiction is not found; a step of another desk is refused. Built from an explicit actor: the request's user
/// (registered per request), or a desk of the demo seed.</summary>
public sealed class ListScope(SupportActor j)
{
    public static ListScope For(SupportActor actor) => new(actor);

    public SupportActor Actor => j;
    public bool CanRead => j.Can(SupportAreas.Lists, Access.Read);
    public string UserName => j.UserName;
    public Role? Role => j.Role;
    public string? Scope => j.Scope;

    public IQueryable<SupportList> Lists(IQueryable<SupportList> q) => j.Role switch
    {
        _ when !CanRead => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(l => l.ProvinceCode == j.Scope),
        Infrastructure.Auth.Role.IzBoard when j.AllZones => q.Where(l => l.ZoneCode != null),
        Infrastructure.Auth.Role.IzBoard => q.Where(l => l.ZoneCode == j.Scope),
        Infrastructure.Auth.Role.District => q.Where(l => l.DistrictCode == j.Scope),
        Infrastructure.Auth.Role.EnterpriseHr => q.Where(l => l.TaxCode == j.Scope),
        _ => q.Where(_ => false),
    };

    /// <summary>The desk that takes each step: the employer builds, posts, handles disputes and submits; social
    /// insurance confirms; the district appraises; the province (labour department, steering) decides. A refusal
    /// belongs to the desk whose step the list waits for.</summary>
    public bool MayAct(ListState state) => j.Can(SupportAreas.Lists, Access.Write) && (j.Role == Infrastructure.Auth.Role.Steering || state switch
    {
        ListState.Draft or ListState.Posted => j.Role == Infrastructure.Auth.Role.EnterpriseHr,
        ListState.Submitted => j.Role == Infrastructure.Auth.Role.SocialInsurance,
        ListState.InsuranceConfirmed => j.Role == Infrastructure.Auth.Role.District,
        ListState.Appraised => j.Role == Infrastructure.Auth.Role.LabourDepartment,
        _ => false,
    });

    /// <summary>The states whose step is this caller's: their worklist.</summary>
    public IReadOnlyList<ListState> MyStates => [.. Enum.GetValues<ListState>().Where(MayAct)];
}
