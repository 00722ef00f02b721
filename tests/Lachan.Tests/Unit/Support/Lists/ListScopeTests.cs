using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;

namespace Lachan.Tests.Unit.Support.Lists;

/// <summary>Issue 12 leftovers, item 2: who sees a list and takes which step is decided from an explicit actor (user,
/// desk, jurisdiction), with no request anywhere — the web layer builds it from the signed-in user, the demo seed for its
/// desks.</summary>
public sealed class ListScopeTests
{
    private static readonly SupportList[] Lists =
    [
        new() { Id = 1, ProvinceCode = "24", DistrictCode = "D1", TaxCode = "2400000001", ZoneCode = "DT" },
        new() { Id = 2, ProvinceCode = "24", DistrictCode = "D2", TaxCode = "2400000002" },
        new() { Id = 3, ProvinceCode = "27", DistrictCode = "D9", TaxCode = "2700000003", ZoneCode = "QC" },
    ];

    private static int[] Seen(SupportActor actor) => [.. ListScope.For(actor).Lists(Lists.AsQueryable()).Select(l => l.Id)];

    [Fact]
    public void Each_desk_sees_its_jurisdiction_and_takes_only_its_own_step()
    {
        var district = new SupportActor("huyen", Role.District, "D1");
        Assert.Equal([1], Seen(district));
        Assert.Equal([2], Seen(new SupportActor("hr", Role.EnterpriseHr, "2400000002")));
        Assert.Equal([1, 2], Seen(new SupportActor("bhxh", Role.SocialInsurance, "24")));
        Assert.Equal([1, 3], Seen(new SupportActor("kcn", Role.IzBoard, "*")));
        Assert.Empty(Seen(new SupportActor("tnv", Role.Volunteer, null)));
        Assert.Empty(Seen(new SupportActor("anonymous", null, null)));

        Assert.Equal([ListState.InsuranceConfirmed], ListScope.For(district).MyStates);
        Assert.Equal([ListState.Appraised], ListScope.For(new SupportActor("laodong", Role.LabourDepartment, "24")).MyStates);
        Assert.Equal("huyen", ListScope.For(district).UserName);
    }
}
