using Lachan.Features.Relief.Supplies;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration.Relief;

/// <summary>A point holding stock from one company's donation, for the supplies tests (written directly, as a receipt
/// would leave it).</summary>
internal sealed record SupplyWorld(SupplyPoint Point, Donation Donation)
{
    public const int Package = 1;
    public const int Rice = 2;

    public static async Task<SupplyWorld> CreateAsync(LachanApp app, long packages, long rice = 0, long money = 0)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var point = new SupplyPoint { Name = "Siêu thị 0 đồng " + tag, Kind = PointKind.Supermarket, CommuneCode = "C" + tag, Address = "Thôn Núi", OpeningHours = "7:00–17:00" };
        var donation = new Donation
        {
            Donor = new Donor { Kind = DonorKind.Company, Name = "Công ty " + tag }, Day = new(2021, 5, 20), ReceiptNo = "T-" + tag,
            MoneyAmount = money, By = "test", At = DateTime.UtcNow,
        };
        await app.WithDbAsync(async db =>
        {
            db.AddRange(point, donation);
            await db.SaveChangesAsync();
            foreach (var (item, quantity) in new (int? Item, long Quantity)[] { (Package, packages), (Rice, rice), (null, money) })
                if (quantity > 0)
                    db.Add(new Holding { Kind = AccountKind.Point, Ref = point.Id, ItemId = item, DonationId = donation.Id, UnitValue = item is null ? 1 : 100_000, Quantity = quantity });
            await db.SaveChangesAsync();
        });
        return new SupplyWorld(point, donation);
    }
}
