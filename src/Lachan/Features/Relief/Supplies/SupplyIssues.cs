using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Relief.Supplies;

/// <summary>An issue of goods and/or cash to one recipient. IdempotencyKey (≤ 64 characters, e.g. a GUID made when the
/// volunteer opened the form) makes a retried or doubled confirmation count once. WorkerId and/or TicketCode say who
/// received; limits count per worker, or per ticket for a recipient not in the registry.</summary>
public sealed record IssueRequest(
    string IdempotencyKey, int PointId, DateOnly Day, IssueChannel Channel,
    int? WorkerId, string? TicketCode, IReadOnlyList<IssueLine> Lines, long CashAmount = 0);

public sealed record IssueLine(int ItemId, long Quantity);

public abstract record IssueResult
{
    public sealed record Issued(int IssueId) : IssueResult;
    /// <summary>The key was seen before: the issue it recorded, nothing drawn again.</summary>
    public sealed record AlreadyRecorded(int IssueId) : IssueResult;
    /// <summary>Available: what the point holds of the item (of money when ItemId is null).</summary>
    public sealed record StockTooLow(int? ItemId, string ItemName, long Available) : IssueResult;
    public sealed record LimitReached(string Rule, int WindowDays, long MaxPerWindow) : IssueResult;
    /// <summary>No such point (or it is closed), item or worker.</summary>
    public sealed record NotFound : IssueResult;
    public sealed record Invalid(FieldErrors Errors) : IssueResult;
}

/// <summary>Hands goods or cash to a worker: checks the per-worker limits in force on the day, draws the point's stock
/// and writes the issue, its ledger movements and its audit event in one save. Used by the counter page here and by
/// the deliveries of the requests half.</summary>
public sealed class SupplyIssues(LachanDb db, AuditLog audit, CurrentUser user, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<IssueResult> IssueAsync(IssueRequest request, CancellationToken ct)
    {
        if (Validate(request) is { Ok: false } errors) return new IssueResult.Invalid(errors);
        if (await RecordedAsync(request.IdempotencyKey, ct) is { } done) return done;
        var result = await CheckAndIssueAsync(request, ct);
        // A concurrent call with the same key may have saved between our first look and a refusal: its issue (which
        // also counts against the limit and took the stock) is this request's answer, not the refusal.
        if (result is IssueResult.LimitReached or IssueResult.StockTooLow)
        {
            db.ChangeTracker.Clear();
            if (await RecordedAsync(request.IdempotencyKey, ct) is { } same) return same;
        }
        return result;
    }

    private async Task<IssueResult> CheckAndIssueAsync(IssueRequest request, CancellationToken ct)
    {
        var items = request.Lines.GroupBy(l => l.ItemId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        if (!await db.Set<SupplyPoint>().AnyAsync(p => p.Id == request.PointId && p.Active, ct)
            || await db.Set<SupplyItem>().CountAsync(i => items.Keys.Contains(i.Id), ct) != items.Count
            || request.WorkerId is { } w && !await db.Set<Worker>().AnyAsync(x => x.Id == w, ct))
            return new IssueResult.NotFound();
        if (await BreachedAsync(request, items, ct) is { } rule)
            return new IssueResult.LimitReached(rule.Code, rule.WindowDays, rule.MaxPerWindow);

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await DrawAndSaveAsync(request, items, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // another issue took some of the same lots since we read them: read again
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // the same key saved by a concurrent call: that one is the issue
                if (await RecordedAsync(request.IdempotencyKey, ct) is { } same) return same;
                throw;
            }
        }
    }

    private async Task<IssueResult> DrawAndSaveAsync(IssueRequest request, Dictionary<int, long> items, CancellationToken ct)
    {
        var at = AuditChain.Now(time);
        var issue = new ReliefIssue
        {
            WorkerId = request.WorkerId, TicketCode = Blank(request.TicketCode), PointId = request.PointId, Day = request.Day,
            Channel = request.Channel, CashAmount = request.CashAmount, IdempotencyKey = request.IdempotencyKey.Trim(),
            By = user.Name, At = at, Lines = [.. items.Select(i => new ReliefIssueLine { ItemId = i.Key, Quantity = i.Value })],
        };
        var wanted = items.Select(i => ((int?)i.Key, i.Value)).ToList();
        if (request.CashAmount > 0) wanted.Add((null, request.CashAmount));
        foreach (var (itemId, quantity) in wanted)
        {
            var held = await Stock.HeldAsync(db, AccountKind.Point, request.PointId, itemId, ct);
            var sources = await Stock.SourcesAsync(db, held, ct);
            var moves = Stock.Draw(held, quantity, MovementReason.Issue, AccountKind.Recipients, (int)request.Channel, request.Day, at, user.Name, sources);
            if (moves is null)
            {
                var name = itemId is { } id ? await db.Set<SupplyItem>().Where(i => i.Id == id).Select(i => i.Name).FirstAsync(ct) : "";
                return new IssueResult.StockTooLow(itemId, name, held.Sum(h => h.Quantity));
            }
            issue.Movements.AddRange(moves);
        }
        db.Add(issue);
        audit.Record("issue", nameof(ReliefIssue), issue.IdempotencyKey, after: new
        {
            issue.PointId, issue.WorkerId, issue.TicketCode, Day = issue.Day.ToString("yyyy-MM-dd"), Channel = issue.Channel.ToString(),
            issue.CashAmount, Lines = issue.Lines.Select(l => new { l.ItemId, l.Quantity }),
            Lots = issue.Movements.Select(m => new { m.ItemId, m.DonationId, m.Quantity, m.Value }),
        });
        // one save: the issue, the stock it draws, its movements and its audit event, together or not at all
        await db.SaveChangesAsync(ct);
        return new IssueResult.Issued(issue.Id);
    }

    private async Task<IssueResult?> RecordedAsync(string key, CancellationToken ct)
    {
        var trimmed = key.Trim();
        var id = await db.Set<ReliefIssue>().Where(i => i.IdempotencyKey == trimmed).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? new IssueResult.AlreadyRecorded(found) : null;
    }

    private async Task<IssueLimitRule?> BreachedAsync(IssueRequest request, Dictionary<int, long> items, CancellationToken ct)
    {
        var rules = await db.Set<IssueLimitRule>().ToListAsync(ct);
        var inForce = rules.Where(r => r.InForceOn(request.Day)).ToList();
        if (inForce.Count == 0) return null;
        var from = request.Day.AddDays(-inForce.Max(r => r.WindowDays));
        var ticket = Blank(request.TicketCode);
        var issues = db.Set<ReliefIssue>().Where(i => i.Day > from && i.Day <= request.Day);
        issues = request.WorkerId is { } w ? issues.Where(i => i.WorkerId == w) : issues.Where(i => i.TicketCode == ticket);
        var goods = await db.Set<ReliefIssueLine>().Join(issues, l => l.ReliefIssueId, i => i.Id, (l, i) => new { i.Day, l.ItemId, l.Quantity }).ToListAsync(ct);
        var cash = await issues.Where(i => i.CashAmount > 0).Select(i => new { i.Day, i.CashAmount }).ToListAsync(ct);
        var history = goods.Select(g => new SupplyRules.Received(g.Day, g.ItemId, g.Quantity))
            .Concat(cash.Select(c => new SupplyRules.Received(c.Day, null, c.CashAmount)));
        return SupplyRules.Breached(rules, request.Day, items, request.CashAmount, history);
    }

    private static FieldErrors Validate(IssueRequest r)
    {
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(r.IdempotencyKey) || r.IdempotencyKey.Trim().Length > 64, "IdempotencyKey", "Supplies.KeyInvalid");
        errors.AddIf(r.WorkerId is null && Blank(r.TicketCode) is null, "Recipient", "Supplies.RecipientRequired");
        errors.AddIf(r.TicketCode?.Trim().Length > 32, "TicketCode", "Supplies.TicketInvalid");
        errors.AddIf(r.Lines.Any(l => l.Quantity <= 0), "Lines", "Supplies.QuantityPositive");
        errors.AddIf(r.CashAmount < 0, "CashAmount", "Supplies.AmountPositive");
        errors.AddIf(r.Lines.Count == 0 && r.CashAmount == 0, "Lines", "Supplies.NothingToIssue");
        errors.AddIf(r.CashAmount > 0 && r.Channel != IssueChannel.Cash, "Channel", "Supplies.CashChannel");
        errors.AddIf(r.Channel == IssueChannel.Cash && r.Lines.Count > 0, "Channel", "Supplies.CashChannel");
        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
