using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Relief.Requests;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Relief;

/// <summary>The public help form's lodging picker: the commune's known houses are offered (name and street only), a
/// picked house is kept on the request, and a house of another commune is refused on its field — on both databases.</summary>
public sealed class LodgingPickerTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    private static int _ip = 20;

    private static HttpClient Anonymous(LachanApp app)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{Interlocked.Increment(ref _ip) % 250}");
        return client;
    }

    [Theory, BothProviders]
    public async Task A_known_lodging_house_can_be_picked_on_the_public_form(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var r = await TestRegistry.AddAsync(app);
        var commune = r.LodgingOwn.CommuneCode;

        var houses = await Anonymous(app).GetFromJsonAsync<JsonElement>($"/Help?handler=Houses&commune={commune}");
        var offered = houses.EnumerateArray().Select(h => (h.GetProperty("value").GetString(), h.GetProperty("text").GetString())).ToList();
        Assert.Equal([(r.LodgingOwn.Id.ToString(), r.LodgingOwn.Name + " — " + r.LodgingOwn.Address)], offered);
        Assert.DoesNotContain("Lê Văn Chủ", houses.GetRawText());   // the landlord stays out

        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = "Ngô Thị Hoa", ["Form.Phone"] = "0977" + Random.Shared.Next(100_000, 999_999), ["Form.CommuneCode"] = commune,
            ["Form.LodgingHouseId"] = r.LodgingOther.Id.ToString(), ["Form.Address"] = "Phòng 4", ["Form.Needs"] = "food",
        };
        var wrong = await Anonymous(app).PostFormAsync("/Help", form);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await wrong.PageAsync();
        Assert.Contains("data-testid=\"error-LodgingHouseId\"", page);
        // the refused form offers its commune's houses again, without a script
        Assert.Contains($"<option value=\"{r.LodgingOwn.Id}\"", page);

        form["Form.LodgingHouseId"] = r.LodgingOwn.Id.ToString();
        var sent = await Anonymous(app).PostFormAsync("/Help", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var ticket = sent.Headers.Location!.OriginalString.Split("ticket=")[1];
        var request = await app.WithDbAsync(db => db.Set<HelpRequest>().SingleAsync(x => x.Ticket == ticket));
        Assert.Equal((r.LodgingOwn.Id, commune, "Phòng 4"), (request.LodgingHouseId, request.CommuneCode, request.Address));
    }
}
