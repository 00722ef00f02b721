using Lachan.Features.Registry.Contracts;
using Lachan.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Relief.Requests;

/// <summary>The public help form (no account) and a ticket's progress. Antiforgery on the form (Razor Pages' default),
/// the public rate limit per client; after a submission the browser is sent to the ticket's page (no personal data).</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestsApi.PublicPolicy)]
public sealed class HelpModel(HelpRequests requests, LachanDb db) : PageModel
{
    public sealed class Input
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Cccd { get; set; }
        public string? CommuneCode { get; set; }
        public string? Address { get; set; }
        public int? LodgingHouseId { get; set; }
        public List<string> Needs { get; set; } = [];
        public string? Note { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Ticket { get; set; }
    public TicketStatus? Status { get; private set; }
    public bool Merged { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<Choice> Communes { get; private set; } = [];
    /// <summary>The known lodging houses of the chosen commune (after a refused submission; the script fills them on a change).</summary>
    public IReadOnlyList<Choice> Houses { get; private set; } = [];
    public const int HousesMax = 500;

    public async Task<IActionResult> OnGetAsync(bool merged, CancellationToken ct)
    {
        Merged = merged;
        if (!string.IsNullOrWhiteSpace(Ticket))
        {
            Status = await requests.StatusAsync(Ticket.Trim().ToUpperInvariant(), ct);
            if (Status is null) Errors.Add("Ticket", "Help.TicketUnknown");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = new HelpForm
        {
            Name = Form.Name, Phone = Form.Phone, Cccd = Form.Cccd, CommuneCode = Form.CommuneCode, Address = Form.Address, LodgingHouseId = Form.LodgingHouseId, Needs = Form.Needs, Note = Form.Note,
        };
        switch (await requests.SubmitAsync(form, RequestChannel.Public, null, "public", ct))
        {
            case Submitted.Created c: return Redirect($"/Help?ticket={c.Ticket}");
            case Submitted.Merged m: return Redirect($"/Help?ticket={m.Ticket}&merged=true");
            case Submitted.Invalid i: Errors = i.Errors; break;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The lodging houses of a commune for the picker, as JSON: id and "name — address" (a house's public sign and
    /// street, nothing about its landlord or residents).</summary>
    public async Task<IActionResult> OnGetHousesAsync(string? commune, CancellationToken ct) =>
        new JsonResult(await HousesOfAsync(commune, ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Communes = await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Level == AdminLevel.Commune && u.ValidTo == null).OrderBy(u => u.Name)
            .Select(u => new Choice(u.Code, u.Kind + " " + u.Name)).ToListAsync(ct);
        Houses = await HousesOfAsync(Form.CommuneCode, ct);
    }

    private async Task<IReadOnlyList<Choice>> HousesOfAsync(string? commune, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune) || commune.Length > 16) return [];
        var code = commune.Trim();
        return await db.Set<LodgingHouse>().AsNoTracking().Where(l => l.CommuneCode == code).OrderBy(l => l.NameSearch).ThenBy(l => l.Id).Take(HousesMax)
            .Select(l => new Choice(l.Id.ToString(), l.Name + " — " + l.Address)).ToListAsync(ct);
    }
}
