using Lachan.Features.Shared;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Admin.Audit;

/// <summary>The audit trail with filters, and a check of the hash chain that names the first broken event.</summary>
public sealed class IndexModel(LachanDb db, AuditAnchorFile anchors, TimeProvider time, ILogger<IndexModel> logger, ReadAudits reads, AuditLinker linker) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<AuditEvent> Result { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public bool Verified { get; private set; }
    public ChainBreak? Break { get; private set; }
    /// <summary>The latest anchor of the chain's head, from the table or the file (see AuditAnchor).</summary>
    public AuditAnchor? Anchor { get; private set; }
    /// <summary>Whether the chain still passes through that anchor (its head and count are intact), checked on every view.</summary>
    public bool AnchorHolds { get; private set; }
    public FieldErrors Errors { get; } = new();
    /// <summary>Events committed over a minute ago and still not linked: the linker takes them at their commit or within a round of seconds, so this is a
    /// fault to look into (the linker fails, or someone cleared a row's place in the chain).</summary>
    public int Unlinked { get; private set; }

    /// <summary>The reads of this process still queued (ADR-0018) and the events not linked yet (ADR-0024) belong in what is
    /// shown and verified.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        await reads.FlushAsync(ct);
        await linker.LinkAllAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await CatchUpAsync(ct);
        return await ListAsync(ct);
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName.Trim());
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(e => e.Action == Action.Trim());
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(e => e.EntityType == EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(EntityId)) q = q.Where(e => e.EntityId == EntityId.Trim());
        if (Dates.Parse(From, nameof(From), Errors) is DateOnly from)
            q = q.Where(e => e.At >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (Dates.Parse(To, nameof(To), Errors) is DateOnly to)
            q = q.Where(e => e.At < to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var (page, size) = Paging.Normalize(PageNumber, 50);
        var total = await q.CountAsync(ct);
        Result = new Paged<AuditEvent>(await q.OrderByDescending(e => e.Id).PageOf(page, size).ToListAsync(ct), total, page, size);
        var aMinuteAgo = time.GetUtcNow().UtcDateTime.AddMinutes(-1);
        Unlinked = await db.AuditEvents.CountAsync(e => e.Seq == null && e.At < aMinuteAgo, ct);
        Anchor ??= await AuditAnchors.LatestKnownAsync(db, anchors, ct);
        AnchorHolds = Anchor is not null && await AuditAnchors.HoldsAsync(db, Anchor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        await CatchUpAsync(ct);
        // against the latest anchor, so that deleting the newest events is found; a sound chain is then anchored anew
        Break = await AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents.AsNoTracking()).AsAsyncEnumerable(),
            await AuditAnchors.LatestKnownAsync(db, anchors, ct), ct);
        if (Break is null)
            Anchor = await AuditAnchors.RecordAsync(db, anchors, time, logger, ct);
        Verified = true;
        return await ListAsync(ct);
    }
}
