using Lachan.Features.Registry.Contracts;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Relief.Contracts;
using Lachan.Features.Home;
using Lachan.Features.Support.Contracts;
using System.Security.Claims;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;

namespace Lachan.Tests.Unit;

public sealed class JurisdictionTests
{
    // The expected access matrix for the registry, written out in full so any change to Jurisdiction.For shows
    // up as a failing row: W = write, R = read, - = none.
    //                                   Workers Enterprises Lodging Places Audit Users Zones Health Transfers Requests Supplies Home SupportPolicies SupportInsurance SupportLists SupportPayments
    private static readonly (Role Role, string Row)[] Matrix =
    [
        (Role.Steering,          "W W W W W W W W W W W W W W W W"),
        (Role.IzBoard,           "W W R R - - R - W - - R R - R -"),
        (Role.Health,            "R R R R - - R W - - - R - - - -"),
        (Role.LabourFederation,  "R R R R - - R - - W W R R - - -"),
        (Role.LabourDepartment,  "R R R R - - R - - R R R W R W W"),
        (Role.District,          "R R W R - - R - - R R R R R W R"),
        (Role.Commune,           "R R W R - - R - - W R R - - - -"),
        (Role.SocialInsurance,   "R R R R - - R - - - - R R W W -"),
        (Role.EnterpriseHr,      "W R - R - - R - - - - R R - W R"),
        (Role.Volunteer,         "- - - - - - - - - W W R - - - -"),
        (Role.Checkpoint,        "- - - - - - - - - - - R - - - -"),
    ];

    private static readonly Area[] Columns = [RegistryAreas.Workers, RegistryAreas.Enterprises, RegistryAreas.Lodging, RegistryAreas.Places, AdminAreas.Audit, AdminAreas.Users, OutbreakAreas.Zones, OutbreakAreas.Health, RegistryAreas.Transfers, ReliefAreas.Requests, ReliefAreas.Supplies, HomeAreas.Home,
        SupportAreas.Policies, SupportAreas.Insurance, SupportAreas.Lists, SupportAreas.Payments];

    /// <summary>Every area a module declares (a public static field of type Area anywhere in the app), so a new area
    /// without a column here fails.</summary>
    private static readonly Area[] Declared = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(f => f.FieldType == typeof(Area)).Select(f => (Area)f.GetValue(null)!).Distinct().ToArray();

    public static TheoryData<Role, Area, Access> Cells()
    {
        var data = new TheoryData<Role, Area, Access>();
        foreach (var (role, row) in Matrix)
        {
            var cells = row.Split(' ');
            for (var i = 0; i < Columns.Length; i++)
                data.Add(role, Columns[i], cells[i] switch { "W" => Access.Write, "R" => Access.Read, _ => Access.None });
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Access_matrix(Role role, Area area, Access expected) => Assert.Equal(expected, Jurisdiction.For(role, area));

    [Fact]
    public void Matrix_covers_every_role_and_area()
    {
        Assert.Equal(Enum.GetValues<Role>().Order(), Matrix.Select(m => m.Role).Order());
        Assert.Equal(Declared.Select(a => a.Name).Order(), Columns.Select(a => a.Name).Order());
    }

    internal static Jurisdiction For(Role? role, string? scope)
    {
        var claims = new List<Claim>();
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, "u"));
            claims.Add(new Claim(LachanClaims.Role, role.Value.ToString()));
            if (scope is not null) claims.Add(new Claim(LachanClaims.Scope, scope));
        }
        var ctx = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, role is null ? null : "test")) };
        return new Jurisdiction(new CurrentUser(new HttpContextAccessor { HttpContext = ctx }));
    }

    [Fact]
    public void Can_follows_the_matrix_for_the_signed_in_role()
    {
        var hr = For(Role.EnterpriseHr, "W R - R - - R - - R");
        Assert.True(hr.Can(RegistryAreas.Workers, Access.Write));
        Assert.True(hr.Can(RegistryAreas.Enterprises, Access.Read));
        Assert.False(hr.Can(RegistryAreas.Enterprises, Access.Write));
        Assert.False(hr.Can(RegistryAreas.Lodging, Access.Read));

        var anonymous = For(null, null);
        Assert.All(Declared, a => Assert.False(anonymous.Can(a, Access.Read)));
        Assert.Null(anonymous.Role);

        // A volunteer works only on relief (which rows: those assigned to them, a filter of the relief module).
        var volunteer = For(Role.Volunteer, null);
        Assert.All(Declared.Except([.. ReliefAreas.All, HomeAreas.Home]), a => Assert.False(volunteer.Can(a, Access.Read)));
        Assert.All(ReliefAreas.All, a => Assert.True(volunteer.Can(a, Access.Write)));
        var steering = For(Role.Steering, "W W W W W W W W W W W R");
        Assert.All(Declared, a => Assert.True(steering.Can(a, Access.Write)));
    }
}
