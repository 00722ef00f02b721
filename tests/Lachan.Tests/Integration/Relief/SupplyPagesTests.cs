using System.Net;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The supplies pages through HTTP: a donation recorded on the page gets a pdf receipt (its view audited), the
/// counter refuses what the stock cannot give with the item named, and the report exports xlsx.</summary>
public sealed class SupplyPagesTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static FormUrlEncodedContent Form(string token, params (string, string)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));

    [Theory, BothProviders]
    public async Task A_donation_recorded_on_the_page_has_a_pdf_receipt_and_the_counter_names_what_is_short(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        var user = (await app.NewUserAsync("ldld", Role.LabourFederation, TestRegistry.OwnProvince)).UserName!;
        var pages = await app.LoggedInClientAsync(user);
        var token = Http.AntiforgeryToken(await pages.GetPageAsync("/Relief/Supplies"));
        var pointName = "Siêu thị thử " + registry.Tag;
        var opened = await (await pages.PostAsync("/Relief/Supplies?handler=Point", Form(token, ("Point.Name", pointName), ("Point.Kind", "Supermarket"),
            ("Point.CommuneCode", registry.EnterpriseOwn.CommuneCode), ("Point.Address", "Thôn Núi"), ("Point.OpeningHours", "7:00–17:00")))).PageAsync();
        Assert.Contains(pointName, opened);
        var pointId = await app.WithDbAsync(db => db.Set<SupplyPoint>().Where(p => p.Name == pointName).Select(p => p.Id).SingleAsync());

        var donor = "Công ty Biên Nhận " + registry.Tag;
        var recorded = await (await pages.PostAsync("/Relief/Supplies/Donations", Form(token, ("Form.DonorKind", "Company"), ("Form.DonorName", donor),
            ("Form.Money", "25000000"), ("Form.ItemId", "1"), ("Form.Quantity", "2"), ("Form.PointId", pointId.ToString()), ("Form.LotCode", "LOT-1")))).PageAsync();
        Assert.Contains(donor, recorded);
        var id = await app.WithDbAsync(db => db.Set<Donation>().Where(d => d.Donor!.Name == donor).Select(d => d.Id).SingleAsync());
        var receipt = await pages.GetAsync($"/Relief/Supplies/Donations?handler=Receipt&id={id}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await receipt.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "view" && e.EntityType == nameof(Donation))));

        var counter = await pages.GetPageAsync("/Relief/Supplies/Counter");
        var key = System.Text.RegularExpressions.Regex.Match(counter, "name=\"Key\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var refused = await (await pages.PostAsync("/Relief/Supplies/Counter", Form(token, ("Key", key), ("PointId", pointId.ToString()),
            ("Cccd", registry.WorkerOwn.Cccd), ("Quantities[2]", "1")))).PageAsync();
        Assert.Contains("data-testid=\"error-Quantities\"", refused);
        Assert.Contains("Gạo 10 kg", refused);
        var issued = await (await pages.PostAsync("/Relief/Supplies/Counter", Form(token, ("Key", key), ("PointId", pointId.ToString()),
            ("Cccd", registry.WorkerOwn.Cccd), ("Quantities[1]", "1")))).PageAsync();
        Assert.Contains("data-testid=\"done\"", issued);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ReliefIssue>().CountAsync(i => i.IdempotencyKey == key && i.WorkerId == registry.WorkerOwn.Id)));

        var export = await pages.GetAsync("/Relief/Supplies/Reports?handler=Export&format=xlsx&From=2021-01-01&To=2021-12-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Khoảng thời gian không hợp lệ (tối đa 366 ngày", await pages.GetPageAsync("/Relief/Supplies/Reports?From=2021-01-01&To=2022-01-02"));
        Assert.Equal(HttpStatusCode.BadRequest, (await pages.GetAsync("/Relief/Supplies/Reports?handler=Export&format=xlsx&From=2021-01-01&To=2022-01-02")).StatusCode);
    }
}
