using Lachan.Infrastructure;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lachan.Infrastructure.Calendar;

namespace Lachan.Features.Registry.Contracts;

/// <summary>A unit for a select box, with its parent and grandparent codes (for a commune: district and province).</summary>
public sealed record UnitChoice(string Code, string Name, string Kind, string? ParentCode, string? ParentName, string? GrandparentCode, bool Expired);

/// <summary>Administrative units as the other registry forms need them: a commune with the district and province it
/// belongs to (records keep all three, so jurisdiction filters need no join), and lists for the select boxes.</summary>
public sealed class PlaceLookup(LachanDb db, ProvinceCalendar calendar)
{
    public DateOnly Today => calendar.Today;

    /// <summary>The commune and its district and province codes, or null when the code names no commune whose parents
    /// are a district and a province.</summary>
    public async Task<(string Commune, string District, string Province)?> CommuneAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        var found = await db.Set<AdminUnit>().AsNoTracking()
            .Where(c => c.Code == code && c.Level == AdminLevel.Commune)
            .Select(c => new
            {
                c.Code,
                District = db.Set<AdminUnit>().Where(d => d.Code == c.ParentCode && d.Level == AdminLevel.District)
                    .Select(d => new { d.Code, d.ParentCode }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return found?.District?.ParentCode is { } province ? (found.Code, found.District.Code, province) : null;
    }

    /// <summary>Units of one level with their parent's name, ordered for an optgroup per parent; units no longer valid
    /// are marked (old records may still point at them).</summary>
    public async Task<IReadOnlyList<UnitChoice>> ChoicesAsync(AdminLevel level, CancellationToken ct)
    {
        var today = Today;
        var units = await db.Set<AdminUnit>().AsNoTracking().Where(u => u.Level == level)
            .Select(u => new
            {
                u.Code, u.Name, u.Kind, u.ValidTo, u.ParentCode,
                ParentName = db.Set<AdminUnit>().Where(p => p.Code == u.ParentCode).Select(p => p.Kind + " " + p.Name).FirstOrDefault(),
                GrandparentCode = db.Set<AdminUnit>().Where(p => p.Code == u.ParentCode).Select(p => p.ParentCode).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return units.Select(u => new UnitChoice(u.Code, u.Name, u.Kind, u.ParentCode, u.ParentName, u.GrandparentCode, u.ValidTo < today))
            .OrderBy(u => u.ParentName, StringComparer.Create(Infrastructure.Localization.UiText.Vietnamese, false))
            .ThenBy(u => u.Name, StringComparer.Create(Infrastructure.Localization.UiText.Vietnamese, false))
            .ToList();
    }
}
