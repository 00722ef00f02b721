using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Enterprises;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Lodging;

public sealed record LandlordFacts(int Id, string FullName, string? Phone, string? Cccd);

public sealed record LodgingDetailData(int Id, string Name, string Address, string CommuneCode, string? CommuneName,
    string DistrictCode, string? DistrictName, int Rooms, int Capacity, LandlordFacts Landlord, int Residents);

/// <summary>One lodging house with its landlord and the number of current residents the caller may see; the residents
/// themselves are listed by the worker search (LodgingHouseId filter), under the same jurisdiction.</summary>
public sealed class LodgingDetail(LachanDb db, Jurisdiction scope, WorkerCounts counts)
{
    /// <summary>Null when the house does not exist or lies outside the caller's jurisdiction (404).</summary>
    public async Task<LodgingDetailData?> LoadAsync(int id, CancellationToken ct = default)
    {
        var house = await scope.LodgingHouses(db.Set<LodgingHouse>().AsNoTracking()).Where(l => l.Id == id)
            .Select(l => new LodgingDetailData(l.Id, l.Name, l.Address, l.CommuneCode,
                db.Set<AdminUnit>().Where(u => u.Code == l.CommuneCode).Select(u => u.Name).FirstOrDefault(), l.DistrictCode,
                db.Set<AdminUnit>().Where(u => u.Code == l.DistrictCode).Select(u => u.Name).FirstOrDefault(), l.Rooms, l.Capacity,
                new LandlordFacts(l.LandlordId, l.Landlord!.FullName, l.Landlord.Phone, l.Landlord.Cccd), 0))
            .FirstOrDefaultAsync(ct);
        if (house is null) return null;
        var residents = await counts.ByLodgingHouseAsync([id], ct);
        return house with { Residents = residents.GetValueOrDefault(id) };
    }
}
