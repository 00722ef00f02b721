using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.AdminUnits;

/// <summary>Names a jurisdiction code from the registry's units: a province, district or commune with its kind
/// ("thị trấn Nếnh"), an IZ by its code, an enterprise by its tax code. "*" (every IZ) has no unit: the header says so.</summary>
internal sealed class RegistryJurisdictionNames(LachanDb db) : IJurisdictionNames
{
    public async Task<string?> NameAsync(Role role, string scope, CancellationToken ct) => Roles.ScopeOf(role) switch
    {
        ScopeKind.Province or ScopeKind.District or ScopeKind.Commune => await db.Set<AdminUnit>().AsNoTracking()
            .Where(u => u.Code == scope).Select(u => u.Kind + " " + u.Name).FirstOrDefaultAsync(ct),
        ScopeKind.IndustrialZones => await db.Set<IndustrialZone>().AsNoTracking()
            .Where(z => z.Code == scope).Select(z => z.Name).FirstOrDefaultAsync(ct),
        ScopeKind.Enterprise => await db.Set<Enterprise>().AsNoTracking()
            .Where(e => e.TaxCode == scope).Select(e => e.Name).FirstOrDefaultAsync(ct),
        _ => null,
    };
}
