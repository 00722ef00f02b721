namespace Lachan.Features.Rosters;

/// <summary>A roster that takes a large share of an enterprise's workforce off its payroll is more often a wrong or
/// partial file than a mass layoff: committing it then needs the user to confirm the number of leavers. A small
/// enterprise is exempt below a floor of leavers (3 of 5 leaving is one glance at the preview's list, not a risk).
/// Settings: Rosters:ConfirmLeaversAbove (share, default 0.2) and Rosters:ConfirmLeaversFrom (leavers, default 10).</summary>
public sealed class RosterLeavers(IConfiguration config)
{
    private double Share => config.GetValue("Rosters:ConfirmLeaversAbove", 0.2);
    private int Floor => config.GetValue("Rosters:ConfirmLeaversFrom", 10);

    /// <summary>The workforce is who is employed there today: the leavers and the roster's rows already employed there.</summary>
    public static int Workforce(int leavers, int stillEmployed) => leavers + stillEmployed;

    public bool NeedConfirmation(int leavers, int workforce) => leavers >= Floor && leavers > Share * workforce;

    /// <summary>Whether the commit may go ahead: no confirmation needed, or the confirmed number is the number leaving.</summary>
    public bool Allows(int leavers, int workforce, int? confirmed) => !NeedConfirmation(leavers, workforce) || confirmed == leavers;

    public static int Percent(int leavers, int workforce) => workforce == 0 ? 0 : (int)Math.Round(100.0 * leavers / workforce);

    public bool NeedConfirmation(RosterPreview p) => NeedConfirmation(p.Left, Workforce(p.Left, p.Updated + p.Unchanged));

    public bool Allows(RosterPreview p, int? confirmed) => Allows(p.Left, Workforce(p.Left, p.Updated + p.Unchanged), confirmed);

    /// <summary>The refusal's message key and arguments: "{0} workers will be recorded as having left ({1}% …)".</summary>
    public static RosterCommitRefusedException Refusal(int leavers, int workforce) =>
        new("Roster.ConfirmLeavers", leavers, Percent(leavers, workforce));
}

/// <summary>A commit refused before anything is written; the code is a localization key.</summary>
public sealed class RosterCommitRefusedException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}

/// <summary>Who asked for a commit (named in the audit trail) and the number of leavers they confirmed, if any.</summary>
public sealed record CommitRequest(string UserName, int? ConfirmedLeavers = null);
