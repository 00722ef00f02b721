namespace Lachan.Features.Rosters;

/// <summary>The number of leavers a user must confirm before a roster is committed, and their share of the workforce.</summary>
public sealed record LeaversToConfirm(int Leavers, int Percent)
{
    public const string Code = "Roster.ConfirmLeavers";
    /// <summary>The arguments of <see cref="Code"/>: "{0} workers will be recorded as having left ({1}% …)".</summary>
    public object[] Args => [Leavers, Percent];
}

/// <summary>A roster that takes a large share of an enterprise's workforce off its payroll is more often a wrong or
/// partial file than a mass layoff: committing it then needs the user to confirm the number of leavers. A small
/// enterprise is exempt below a floor of leavers (3 of 5 leaving is one glance at the preview's list, not a risk).
/// Settings: Rosters:ConfirmLeaversAbove (share, default 0.2) and Rosters:ConfirmLeaversFrom (leavers, default 10).</summary>
public sealed class RosterLeavers(IConfiguration config)
{
    private double Share => config.GetValue("Rosters:ConfirmLeaversAbove", 0.2);
    private int Floor => config.GetValue("Rosters:ConfirmLeaversFrom", 10);

    /// <summary>What must be confirmed, or null. The workforce is who is employed there today: the leavers and the
    /// roster's rows already employed there (updated or unchanged).</summary>
    public LeaversToConfirm? Ask(int leavers, int stillEmployed)
    {
        var workforce = leavers + stillEmployed;
        return leavers >= Floor && leavers > Share * workforce ? new(leavers, (int)Math.Round(100.0 * leavers / workforce)) : null;
    }

    public LeaversToConfirm? Ask(RosterPreview p) => Ask(p.Left, p.Updated + p.Unchanged);

    public LeaversToConfirm? Ask(RosterPlan p) => Ask(p.Leaving.Count, p.Count(PlanKind.Update) + p.Count(PlanKind.Unchanged));
}

/// <summary>A commit refused before anything is written; the code is a localization key.</summary>
public sealed class RosterCommitRefusedException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
}

/// <summary>Who asked for a commit (named in the audit trail) and the number of leavers they confirmed, if any.</summary>
public sealed record CommitRequest(string UserName, int? ConfirmedLeavers = null);
