using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Contracts;

/// <summary>The support module's rows of the access matrix (issue 12, DOMAIN.md §6). The province's officials (the
/// steering committee and the labour department, which runs the policies) may do everything; a district reads and
/// appraises the lists of its own district; social insurance records insurance months and confirms insurance on lists;
/// enterprise HR builds and files its own enterprise's lists. Which rows: each use case's own scope (district, enterprise).</summary>
public static class SupportAreas
{
    /// <summary>The policies as versioned rule sets, and the cost simulation (read by every desk of the chain; edited by
    /// the province).</summary>
    public static readonly Area Policies = new("SupportPolicies", r => r switch
    {
        Role.LabourDepartment => Access.Write,
        Role.District or Role.SocialInsurance or Role.EnterpriseHr or Role.IzBoard or Role.LabourFederation => Access.Read,
        _ => Access.None,
    });

    /// <summary>Insurance months per worker (who was on the compulsory social-insurance list in which month): recorded by
    /// social insurance, read by the province and the districts that appraise.</summary>
    public static readonly Area Insurance = new("SupportInsurance", r => r switch
    {
        Role.SocialInsurance => Access.Write,
        Role.LabourDepartment or Role.District => Access.Read,
        _ => Access.None,
    });

    /// <summary>Employer lists and their review chain: HR files its enterprise's lists, social insurance confirms,
    /// the district appraises its district's lists, the province approves (Features/Support/Lists).</summary>
    public static readonly Area Lists = new("SupportLists", r => r switch
    {
        Role.LabourDepartment or Role.District or Role.SocialInsurance or Role.EnterpriseHr => Access.Write,
        Role.IzBoard => Access.Read,
        _ => Access.None,
    });

    /// <summary>Payment batches, bank files and returns (Features/Support/Payments): made by the province; read by the
    /// district and by the enterprise that receives or pays on.</summary>
    public static readonly Area Payments = new("SupportPayments", r => r switch
    {
        Role.LabourDepartment => Access.Write,
        Role.District or Role.EnterpriseHr => Access.Read,
        _ => Access.None,
    });

    public static IReadOnlyList<Area> All => [Policies, Insurance, Lists, Payments];
}
