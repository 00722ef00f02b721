using Lachan.Features.Relief.Contracts;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Zero-đồng supermarkets, stock, donations and the goods and money report: province-wide data run by the Labour
/// Federation (and volunteers at the counter), read by districts, communes and the labour department; no jurisdiction
/// sides. The transparency page and API are public by design (listed in <see cref="Public"/>).</summary>
public sealed partial class AccessMatrixTests
{
    private static string SupplyPointName(TestRegistry r, int n) => $"Sieu thi thu {n} {r.Tag}";

    /// <summary>Two points, the first holding plenty of rice (item 2, no per-worker limit) for the transfer and counter
    /// probes.</summary>
    internal static async Task AddSuppliesAsync(LachanApp app, TestRegistry r)
    {
        await app.WithDbAsync(async db =>
        {
            var p1 = new SupplyPoint { Name = SupplyPointName(r, 1), CommuneCode = r.EnterpriseOwn.CommuneCode, Address = "Thôn 1" };
            var p2 = new SupplyPoint { Name = SupplyPointName(r, 2), CommuneCode = r.EnterpriseOwn.CommuneCode, Address = "Thôn 2" };
            var donation = new Donation { Donor = new Donor { Kind = DonorKind.Company, Name = "Cong ty Tai tro " + r.Tag }, Day = new(2021, 5, 20), ReceiptNo = "M-" + r.Tag, By = "test", At = DateTime.UtcNow };
            db.AddRange(p1, p2, donation);
            await db.SaveChangesAsync();
            db.Add(new Holding { Kind = AccountKind.Point, Ref = p1.Id, ItemId = 2, DonationId = donation.Id, UnitValue = 150_000, Quantity = 10_000 });
            return await db.SaveChangesAsync();
        });
    }

    private static Task<int> SupplyPointIdAsync(Caller c, int n) =>
        c.App.WithDbAsync(db => db.Set<SupplyPoint>().Where(p => p.Name == SupplyPointName(c.Registry, n)).Select(p => p.Id).SingleAsync());

    private static Task<long> RiceAtAsync(Caller c, int pointId) =>
        c.App.WithDbAsync(db => db.Set<Holding>().Where(h => h.Kind == AccountKind.Point && h.Ref == pointId && h.ItemId == 2).SumAsync(h => h.Quantity));

    private static void AddSupplyProbes(List<Probe> list)
    {
        var supplies = ReliefAreas.Supplies;
        Func<Caller, Side, string> pointMark = (c, _) => SupplyPointName(c.Registry, 1);
        list.Add(new("page /Relief/Supplies/Index", supplies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Relief/Supplies"))) { Marker = pointMark });
        list.Add(new("page /Relief/Supplies/Index", supplies, Access.Write, Side.None, false, async c =>
        {
            var name = "Diem moi " + NewPhone();
            var response = await c.Pages.PostAsync("/Relief/Supplies?handler=Point", Form(c.Token,
                ("Point.Name", name), ("Point.Kind", "Supermarket"), ("Point.CommuneCode", c.Registry.EnterpriseOwn.CommuneCode), ("Point.Address", "Thôn 3")));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<SupplyPoint>().AnyAsync(p => p.Name == name)));
        }) { Mutates = true });
        list.Add(new("page /Relief/Supplies/Index", supplies, Access.Write, Side.None, false, async c =>
        {
            var (from, to) = (await SupplyPointIdAsync(c, 1), await SupplyPointIdAsync(c, 2));
            var before = await RiceAtAsync(c, to);
            var response = await c.Pages.PostAsync("/Relief/Supplies?handler=Transfer", Form(c.Token,
                ("Transfer.FromPointId", from.ToString()), ("Transfer.ToPointId", to.ToString()), ("Transfer.ItemId", "2"), ("Transfer.Quantity", "1")));
            return await Read(response, await RiceAtAsync(c, to) != before);
        }) { Mutates = true });
        list.Add(new("page /Relief/Supplies/Counter", supplies, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Relief/Supplies/Counter"))) { Marker = pointMark });
        list.Add(new("page /Relief/Supplies/Counter", supplies, Access.Write, Side.None, false, async c =>
        {
            var key = Guid.NewGuid().ToString("N");
            var response = await c.Pages.PostAsync("/Relief/Supplies/Counter", Form(c.Token,
                ("Key", key), ("PointId", (await SupplyPointIdAsync(c, 1)).ToString()), ("TicketCode", "HT" + NewPhone()), ("Quantities[2]", "1")));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<ReliefIssue>().AnyAsync(i => i.IdempotencyKey == key)));
        }) { Mutates = true });
        list.Add(new("page /Relief/Supplies/Donations", supplies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Relief/Supplies/Donations"))) { Marker = (c, _) => "Cong ty Tai tro " + c.Registry.Tag });
        list.Add(new("page /Relief/Supplies/Donations", supplies, Access.Write, Side.None, false, async c =>
        {
            var donor = "Nha hao tam " + NewPhone();
            var response = await c.Pages.PostAsync("/Relief/Supplies/Donations", Form(c.Token,
                ("Form.DonorKind", "Individual"), ("Form.DonorName", donor), ("Form.Money", "500000")));
            return await Read(response, await c.App.WithDbAsync(db => db.Set<Donation>().AnyAsync(d => d.Donor!.Name == donor)));
        }) { Mutates = true });
        list.Add(new("page /Relief/Supplies/Reports", supplies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Relief/Supplies/Reports?From=2021-05-01&To=2021-06-30"))));
        list.Add(new("page /Relief/Supplies/Reports", supplies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Relief/Supplies/Reports?handler=Export&format=csv&From=2021-05-01&To=2021-06-30"))));
    }
}
