using Lachan.Features.Shared;
using Lachan.Infrastructure;

namespace Lachan.Features.Support.Lists;

/// <summary>Where a list is in the review chain (DOMAIN.md §6): the employer drafts and posts it for the public
/// notice, submits it; social insurance confirms insurance per worker; the district appraises; the province approves
/// (a decision with number and date) or refuses with reasons.</summary>
public enum ListState { Draft, Posted, Submitted, InsuranceConfirmed, Appraised, Approved, Refused }

public enum ListOrigin { Roster, Import, Candidates }

/// <summary>An employer's list of workers asking for one support policy for one month or period (Mẫu 02/03/05/06).
/// Changed only by its guarded transitions; each returns the error code that becomes the API's validation problem.
/// Version is the concurrency token: two officers moving the same list at once — one wins, the other is told.</summary>
public sealed class SupportList
{
    public int Id { get; set; }
    public string PolicyCode { get; set; } = "";
    public int? PolicyVersionId { get; set; }
    public int EnterpriseId { get; set; }
    /// <summary>Kept beside the enterprise (tax code, zone, district, province) so each desk's worklist is one
    /// filter on the list, with no join into the registry.</summary>
    public string TaxCode { get; set; } = "";
    public string? ZoneCode { get; set; }
    public string DistrictCode { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>"The same policy period" of the approvals (the month, or the policy's period for one-off payments).</summary>
    public DateOnly PeriodKey { get; set; }
    /// <summary>The official form the list follows ("Mẫu 02"…), from the policy.</summary>
    public string Form { get; set; } = "";
    public ListOrigin Origin { get; set; }
    public ListState State { get; private set; } = ListState.Draft;
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateOnly? PostedOn { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public DateOnly? InsuranceConfirmedOn { get; private set; }
    public DateOnly? AppraisedOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DecisionNo { get; private set; }
    public string? RefusalReason { get; private set; }
    /// <summary>When the step the list now waits for is due (working days from the step's rule); null when nothing
    /// is awaited (a draft, a decided list).</summary>
    public DateOnly? DueOn { get; private set; }
    public int Version { get; private set; }
    public List<SupportListRow> Rows { get; set; } = [];
    public List<ListDispute> Disputes { get; set; } = [];

    public bool IsDecided => State is ListState.Approved or ListState.Refused;

    public void Post(DateOnly day, DateOnly noticeEnds)
    {
        Require(ListState.Draft);
        if (Rows.Count == 0) throw new DomainException("SupportList.Empty");
        Move(ListState.Posted, noticeEnds);
        PostedOn = day;
    }

    /// <summary>After the public notice (≥ 3 working days, <paramref name="noticeEnds"/>) and with no dispute left open.</summary>
    public void Submit(DateOnly day, DateOnly noticeEnds, DateOnly dueOn)
    {
        Require(ListState.Posted);
        if (day < noticeEnds) throw new DomainException("SupportList.NoticeNotOver");
        if (Disputes.Any(d => d.ResolvedOn is null)) throw new DomainException("SupportList.DisputesOpen");
        Move(ListState.Submitted, dueOn);
        SubmittedOn = day;
    }

    /// <summary>Social insurance says, for every row, whether the worker was insured in the month before.</summary>
    public void ConfirmInsurance(DateOnly day, IReadOnlyDictionary<int, bool> insuredByRowNo, DateOnly dueOn)
    {
        Require(ListState.Submitted);
        if (Rows.Any(r => !insuredByRowNo.ContainsKey(r.RowNo)) || insuredByRowNo.Keys.Any(n => Rows.All(r => r.RowNo != n)))
            throw new DomainException("SupportList.InsuranceRowsMismatch");
        foreach (var row in Rows) row.Insured = insuredByRowNo[row.RowNo];
        Move(ListState.InsuranceConfirmed, dueOn);
        InsuranceConfirmedOn = day;
    }

    public void Appraise(DateOnly day, DateOnly dueOn)
    {
        Require(ListState.InsuranceConfirmed);
        Move(ListState.Appraised, dueOn);
        AppraisedOn = day;
    }

    /// <summary>The rows approved: eligible by the rules and insured as confirmed.</summary>
    public IEnumerable<SupportListRow> ApprovableRows() => Rows.Where(r => r.Eligible && r.Insured != false && r.WorkerId is not null);

    public void Approve(DateOnly day, string decisionNo)
    {
        if (State == ListState.Approved) throw new DomainException("SupportList.AlreadyApproved");
        Require(ListState.Appraised);
        if (string.IsNullOrWhiteSpace(decisionNo)) throw new DomainException("SupportList.DecisionNoRequired");
        Move(ListState.Approved, null);
        DecidedOn = day;
        DecisionNo = decisionNo.Trim();
    }

    /// <summary>Refused in writing with reasons, at any step after submission (insurance, district or province).</summary>
    public void Refuse(DateOnly day, string reason)
    {
        if (State is not (ListState.Submitted or ListState.InsuranceConfirmed or ListState.Appraised))
            throw new DomainException(State == ListState.Approved ? "SupportList.AlreadyApproved" : "SupportList.WrongState");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("SupportList.ReasonRequired");
        Move(ListState.Refused, null);
        DecidedOn = day;
        RefusalReason = reason.Trim();
    }

    public ListDispute Dispute(DateOnly day, int? rowNo, string text, DateOnly dueOn)
    {
        Require(ListState.Posted);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("SupportList.DisputeTextRequired");
        if (rowNo is { } n && Rows.All(r => r.RowNo != n)) throw new DomainException("SupportList.NoSuchRow");
        var dispute = new ListDispute { RowNo = rowNo, Text = text.Trim(), RaisedOn = day, DueOn = dueOn };
        Disputes.Add(dispute);
        Version++;
        return dispute;
    }

    /// <summary>Resolving a dispute about a row may take the row off the list (the worker is not entitled).</summary>
    public void Resolve(int disputeId, DateOnly day, string resolution, bool removeRow)
    {
        Require(ListState.Posted);
        var dispute = Disputes.FirstOrDefault(d => d.Id == disputeId) ?? throw new DomainException("SupportList.NoSuchDispute");
        if (dispute.ResolvedOn is not null) throw new DomainException("SupportList.DisputeResolved");
        if (string.IsNullOrWhiteSpace(resolution)) throw new DomainException("SupportList.ResolutionRequired");
        dispute.ResolvedOn = day;
        dispute.Resolution = resolution.Trim();
        if (removeRow && dispute.RowNo is { } n && Rows.FirstOrDefault(r => r.RowNo == n) is { } row)
        {
            row.Eligible = false;
            row.Withdrawn = true;
        }
        Version++;
    }

    public bool IsOverdue(DateOnly today) => DueOn is { } due && today > due;

    private void Require(ListState state)
    {
        if (State != state) throw new DomainException("SupportList.WrongState");
    }

    private void Move(ListState to, DateOnly? dueOn)
    {
        State = to;
        DueOn = dueOn;
        Version++;
    }
}

/// <summary>One worker on a list. Reasons are the checks' findings as JSON (code, Vietnamese and English text), so
/// the list shows why a row is not eligible long after the rules changed.</summary>
public sealed class SupportListRow
{
    public int Id { get; set; }
    public int SupportListId { get; set; }
    public int RowNo { get; set; }
    public string Cccd { get; set; } = "";
    /// <summary>Null when the CCCD is not in the registry (the row is then not eligible).</summary>
    public int? WorkerId { get; set; }
    public string FullName { get; set; } = "";
    /// <summary>Whole đồng: what the employer asks for this worker, and what the policy's rules give.</summary>
    public long AmountAsked { get; set; }
    public long AmountComputed { get; set; }
    public bool Eligible { get; set; }
    public string ReasonsJson { get; set; } = "[]";
    /// <summary>Social insurance's confirmation (null until it confirms).</summary>
    public bool? Insured { get; set; }
    /// <summary>Taken off the list after a dispute.</summary>
    public bool Withdrawn { get; set; }
    public string? BankAccount { get; set; }
    public string? BankName { get; set; }
    /// <summary>Declared by the employer ("Mang thai", "Số con dưới 6 tuổi"): the supplements of the policies that pay them.</summary>
    public bool Pregnant { get; set; }
    /// <summary>The children paid for: those declared, less any the other parent claimed already (ChildClaims).</summary>
    public int ChildrenUnder6 { get; set; }
}

/// <summary>A complaint raised during the public notice (about one row, or the list), to be resolved within the
/// working days of the rule.</summary>
public sealed class ListDispute
{
    public int Id { get; set; }
    public int SupportListId { get; set; }
    public int? RowNo { get; set; }
    public string Text { get; set; } = "";
    public DateOnly RaisedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? Resolution { get; set; }
}

/// <summary>One worker approved for one policy period: the unique index on (policy, period, worker) makes a second
/// approval impossible, whichever process tries it; the unique decision per list does the same for lists.</summary>
public sealed class SupportApproval
{
    public int Id { get; set; }
    public int SupportListId { get; set; }
    public int RowId { get; set; }
    public int WorkerId { get; set; }
    public int EnterpriseId { get; set; }
    public string PolicyCode { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public long Amount { get; set; }
    public DateOnly ApprovedOn { get; set; }
    public string DecisionNo { get; set; } = "";
}

/// <summary>The province's decision on a list (approval or refusal): one per list, enforced by a unique index.</summary>
public sealed class SupportDecision
{
    public int Id { get; set; }
    public int SupportListId { get; set; }
    public bool Approved { get; set; }
    public string? Number { get; set; }
    public DateOnly Day { get; set; }
    public string? Reason { get; set; }
    public long Amount { get; set; }
    public int Workers { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The steps of the chain and their deadlines in working days, with effective dates like every rule:
/// the public notice (minimum), a dispute's resolution, insurance's confirmation, the district's appraisal and the
/// province's decision.</summary>
public enum ChainStep { Notice, Dispute, Insurance, Appraisal, Decision }

public sealed class ChainStepRule : IDatedRule
{
    public int Id { get; set; }
    public ChainStep Step { get; set; }
    public int WorkingDays { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string? Source { get; set; }

    public bool InForceOn(DateOnly d) => EffectiveFrom <= d && (EffectiveTo is null || d <= EffectiveTo);
}
