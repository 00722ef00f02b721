using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Calendar;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Support.Lists;

public sealed record BuildRequest(string? PolicyCode, string? TaxCode, string? Month);

public abstract record BuildResult
{
    public sealed record Created(int ListId, int Rows, int Eligible) : BuildResult;
    public sealed record Invalid(FieldErrors Errors) : BuildResult;
    public sealed record FileRefused(IReadOnlyList<FileError> Errors) : BuildResult;
    public sealed record NotFound : BuildResult;
}

/// <summary>Makes a draft list for a policy and month: from the enterprise's roster in one click (every worker employed
/// there in the month), or from the employer's file. Every row is checked (ListChecks) and the list with all its rows
/// and the audit event are written in one save — or nothing, when the file has a bad row.</summary>
public sealed class ListBuilder(LachanDb db, AuditLog audit, ListScope scope, ListChecks checks, ProvinceCalendar calendar, TimeProvider time)
{
    public async Task<BuildResult> FromRosterAsync(BuildRequest request, CancellationToken ct)
    {
        var (target, error) = await TargetAsync(request, ct);
        if (error is not null) return error;
        var (start, end, enterpriseId) = (target!.PeriodStart, target.PeriodEnd, target.Enterprise.Id);
        var roster = await db.Set<Employment>().AsNoTracking()
            .Where(e => e.EnterpriseId == enterpriseId && e.From <= end && (e.To == null || e.To > start))
            .Join(db.Set<Worker>(), e => e.WorkerId, w => w.Id, (e, w) => new { w.Cccd, w.FullName })
            .Distinct().OrderBy(w => w.FullName).ThenBy(w => w.Cccd).ToListAsync(ct);
        var rows = roster.Select((w, i) => new RowInput(i + 1, w.Cccd, w.FullName, null)).ToList();
        if (rows.Count == 0) return new BuildResult.Invalid(new FieldErrors { ["TaxCode"] = "SupportList.RosterEmpty" });
        return await SaveAsync(target, ListOrigin.Roster, rows, ct);
    }

    public async Task<BuildResult> FromFileAsync(BuildRequest request, string path, CancellationToken ct)
    {
        var (target, error) = await TargetAsync(request, ct);
        if (error is not null) return error;
        var (rows, errors) = ListFile.Read(path);
        if (errors.Count > 0) return new BuildResult.FileRefused(errors);
        var (checkedRows, paid) = await ChildClaims.CheckAsync(db, checks, target!, rows, ct);
        try
        {
            return await SaveAsync(target!, ListOrigin.Import, checkedRows, paid, ct);
        }
        catch (DbUpdateException) when (paid.Values.Any(p => p.Count > 0))
        {
            // another import claimed one of these children between our check and our save (the unique index refused
            // ours, nothing of it was written): checked again, the row now says the child is claimed, and is saved so
            db.ChangeTracker.Clear();
            (checkedRows, paid) = await ChildClaims.CheckAsync(db, checks, target!, rows, ct);
            return await SaveAsync(target!, ListOrigin.Import, checkedRows, paid, ct);
        }
    }

    /// <summary>The policy, enterprise and month, each named when wrong; the enterprise must be the caller's (HR: its own;
    /// steering: of its province), else not found.</summary>
    public async Task<(ListTarget? Target, BuildResult? Error)> TargetAsync(BuildRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(r.PolicyCode), "PolicyCode", "SupportList.PolicyRequired");
        errors.AddIf(string.IsNullOrWhiteSpace(r.TaxCode), "TaxCode", "SupportList.EnterpriseRequired");
        var month = ParseMonth(r.Month);
        errors.AddIf(month is null, "Month", "SupportList.MonthInvalid");
        if (!errors.Ok) return (null, new BuildResult.Invalid(errors));
        var taxCode = r.TaxCode!.Trim();
        if (!scope.MayAct(ListState.Draft) || (scope.Role == Role.EnterpriseHr && scope.Scope != taxCode)) return (null, new BuildResult.NotFound());
        if (scope.Role != Role.EnterpriseHr && !await db.Set<Enterprise>().AnyAsync(e => e.TaxCode == taxCode && e.ProvinceCode == scope.Scope, ct))
            return (null, new BuildResult.NotFound());
        var target = await checks.TargetAsync(r.PolicyCode!.Trim(), taxCode, month!.Value, calendar.Today, ct);
        if (target is null)
        {
            var policyKnown = await db.Set<Policies.SupportPolicy>().AnyAsync(p => p.Code == r.PolicyCode.Trim(), ct);
            return (null, policyKnown && await db.Set<Enterprise>().AnyAsync(e => e.TaxCode == taxCode, ct)
                ? new BuildResult.Invalid(new FieldErrors { ["Month"] = "SupportList.MonthOutsidePolicy" })
                : policyKnown ? new BuildResult.NotFound() : new BuildResult.Invalid(new FieldErrors { ["PolicyCode"] = "SupportList.PolicyUnknown" }));
        }
        if (target.Policy.EmployerForm is null) return (null, new BuildResult.Invalid(new FieldErrors { ["PolicyCode"] = "SupportList.PolicyHasNoList" }));
        return (target, null);
    }

    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact("01/" + text?.Trim(), "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Writes the checked list with all its rows and its audit event.</summary>
    public async Task<BuildResult.Created> SaveAsync(ListTarget target, ListOrigin origin, IReadOnlyList<RowInput> rows, CancellationToken ct) =>
        await SaveAsync(target, origin, await checks.CheckAsync(target, rows, null, ct), null, ct);

    /// <summary>As above, with rows checked already.</summary>
    public async Task<BuildResult.Created> SaveAsync(ListTarget target, ListOrigin origin, IReadOnlyList<CheckedRow> checkedRows,
        IReadOnlyDictionary<int, List<string>>? childrenPaid, CancellationToken ct)
    {
        var list = NewList(target, origin);
        list.Rows = [.. checkedRows.Select(NewRow)];
        db.Add(list);
        // the children whose supplement an eligible row is given: claimed from now on under this policy and period
        foreach (var row in list.Rows.Where(r => r.Eligible))
            foreach (var child in childrenPaid?.GetValueOrDefault(row.RowNo) ?? [])
                db.Add(new ChildClaim { Row = row, PolicyCode = target.Policy.Code, PeriodKey = target.PeriodKey, ChildId = child });
        await audit.SaveThenRecordAsync("create", nameof(SupportList), () => list.Id, null, () => Summary(list, list.Rows), scope.UserName, ct);
        return new BuildResult.Created(list.Id, list.Rows.Count, list.Rows.Count(r => r.Eligible));
    }

    /// <summary>Many lists at once (a month's candidates, hundreds of lists and 150,000 rows at 300,000 workers): the lists
    /// are saved first, so each one's check can name the lists before it ("already on list N"); then each list's rows are
    /// checked (<paramref name="check"/>) and all of them written with the bulk writer (COPY on PostgreSQL), which
    /// saving them through EF list by list took 24 of 31 seconds. One transaction with the audit events: all or none.</summary>
    public async Task<IReadOnlyList<BuildResult.Created>> SaveDraftsAsync(IReadOnlyList<ListTarget> targets, ListOrigin origin,
        Func<SupportList, IReadOnlyList<CheckedRow>> check, CancellationToken ct)
    {
        if (targets.Count == 0) return [];
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var lists = targets.Select(t => NewList(t, origin)).ToList();
        db.AddRange(lists);
        await db.SaveChangesAsync(ct);
        // keys as the roster import makes them: after the largest, inside the transaction (BulkWriter moves the sequence on)
        var lastRow = await db.Set<SupportListRow>().MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var rows = new List<SupportListRow>();
        var created = new List<BuildResult.Created>();
        foreach (var list in lists)
        {
            var listRows = check(list).Select(NewRow).ToList();
            foreach (var row in listRows)
            {
                row.Id = ++lastRow;
                row.SupportListId = list.Id;
            }
            rows.AddRange(listRows);
            audit.Record("create", nameof(SupportList), list.Id, null, Summary(list, listRows), scope.UserName);
            created.Add(new BuildResult.Created(list.Id, listRows.Count, listRows.Count(r => r.Eligible)));
        }
        await using (var bulk = BulkWriter.Begin(db))
        {
            await bulk.WriteAsync(rows, ct);
            await bulk.CompleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return created;
    }

    private SupportList NewList(ListTarget target, ListOrigin origin)
    {
        var e = target.Enterprise;
        return new SupportList
        {
            PolicyCode = target.Policy.Code, PolicyVersionId = target.Version.Id, EnterpriseId = e.Id, TaxCode = e.TaxCode, ZoneCode = e.IndustrialZone?.Code,
            DistrictCode = e.DistrictCode, ProvinceCode = e.ProvinceCode, PeriodStart = target.PeriodStart, PeriodEnd = target.PeriodEnd, PeriodKey = target.PeriodKey,
            Form = target.Policy.EmployerForm ?? "", Origin = origin, CreatedBy = scope.UserName, CreatedAt = AuditChain.Now(time),
        };
    }

    private static SupportListRow NewRow(CheckedRow c) => new()
    {
        RowNo = c.Input.RowNo, Cccd = c.Input.Cccd.Length > 12 ? c.Input.Cccd[..12] : c.Input.Cccd, WorkerId = c.WorkerId,
        FullName = Cut(c.FullName, 200), AmountAsked = c.Input.AmountAsked ?? c.Amount, AmountComputed = c.Amount, Eligible = c.Eligible,
        ReasonsJson = RowReasons.Write(c.Reasons), BankAccount = CutOrNull(c.Input.BankAccount, 32), BankName = CutOrNull(c.Input.BankName, 100),
        Pregnant = c.Input.Pregnant, ChildrenUnder6 = c.Input.ChildrenUnder6,
    };

    private static object Summary(SupportList list, List<SupportListRow> rows) => new
    {
        list.PolicyCode, list.TaxCode, Month = list.PeriodStart.ToString("MM/yyyy"), Origin = list.Origin.ToString(), Rows = rows.Count,
        Eligible = rows.Count(r => r.Eligible), Amount = rows.Where(r => r.Eligible).Sum(r => r.AmountComputed),
    };

    private static string Cut(string? s, int max) => CutOrNull(s, max) ?? "";

    private static string? CutOrNull(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}
