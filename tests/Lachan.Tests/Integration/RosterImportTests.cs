using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>An employer's roster through the API, as an integrator would send it: upload, wait for the preview,
/// commit, wait for the outcome; then the same file again changes nothing.</summary>
public sealed class RosterImportTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    internal static async Task<JsonElement> WaitAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var state = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
            var status = state.GetProperty("status").GetString();
            if (status is not ("Uploaded" or "Previewing" or "Committing")) return state;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} still {status}");
            await Task.Delay(200);
        }
    }

    internal static async Task<string> UploadAsync(HttpClient client, int enterpriseId, string csv)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent("18/05/2021"), "asOf");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "danh-sach.csv");
        var response = await client.PostAsync($"/api/v1/enterprises/{enterpriseId}/rosters", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    [Theory, BothProviders]
    public async Task A_roster_is_previewed_committed_and_a_second_import_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        await app.AdminAsync();
        var client = await app.ApiClientAsync("admin");
        var an = TestRegistry.NewCccd("001", Sex.Male, 1995);
        var binh = TestRegistry.NewCccd("024", Sex.Female, 2001);
        var nfdName = "trần thị bình".Normalize(NormalizationForm.FormD);
        var csv = "STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại\n"
                  + $"1,  NGUYỄN   văn  an ,02/03/1995,Nam,{an},0912 345 678\n"
                  + $"2,{nfdName},15/08/2001,Nữ,{binh[1..]},+84 388 123 456\n"; // the leading zero lost in a spreadsheet

        var url = await UploadAsync(client, registry.EnterpriseOwn.Id, csv);
        var preview = await WaitAsync(client, url);
        Assert.True(preview.GetProperty("status").GetString() == "Previewed", preview.ToString());
        Assert.Equal(2, preview.GetProperty("preview").GetProperty("created").GetInt32());

        // nothing is written before the commit
        Assert.False(await app.WithDbAsync(db => db.Set<Worker>().AnyAsync(w => w.Cccd == an)));

        var commit = await client.PostAsync(url + "/commit", null);
        Assert.Equal(HttpStatusCode.Accepted, commit.StatusCode);
        var outcome = await WaitAsync(client, url);
        Assert.True(outcome.GetProperty("status").GetString() == "Committed", outcome.ToString());
        Assert.Equal(2, outcome.GetProperty("outcome").GetProperty("created").GetInt32());

        var workers = await app.WithDbAsync(db => db.Set<Worker>().Where(w => w.Cccd == an || w.Cccd == binh)
            .Include(w => w.Employments).Include(w => w.Movements).OrderBy(w => w.DateOfBirth).ToListAsync());
        Assert.Equal(2, workers.Count);
        var (a, b) = (workers[0], workers[1]);
        Assert.Equal(("Nguyễn Văn An", "nguyen van an", "0912345678"), (a.FullName, a.NameSearch, a.Phone));
        Assert.Equal(("Trần Thị Bình", binh, "0388123456", Sex.Female), (b.FullName, b.Cccd, b.Phone, b.Sex));
        Assert.True(b.FullName.IsNormalized(NormalizationForm.FormC));
        Assert.All(workers, w =>
        {
            Assert.True(Cccd.Validate(w.Cccd, w.Sex, w.DateOfBirth).IsValid);
            Assert.Equal(registry.EnterpriseOwn.Id, w.CurrentEnterpriseId);
            Assert.Equal(registry.EnterpriseOwn.Id, Assert.Single(w.Employments, e => e.To is null).EnterpriseId);
            Assert.Contains(w.Movements, m => m.Kind == MovementKind.Hired && m.EnterpriseId == registry.EnterpriseOwn.Id);
        });
        Assert.Null(await app.WithDbAsync(db => AuditChain.VerifyAsync(AuditChain.InChainOrder(db.AuditEvents).AsAsyncEnumerable())));

        // the same file again: nothing to change
        var again = await WaitAsync(client, await UploadAsync(client, registry.EnterpriseOwn.Id, csv));
        Assert.True(again.GetProperty("status").GetString() == "NoChange", again.ToString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Worker>().CountAsync(w => w.Cccd == an || w.Cccd == binh)));
    }

    [Theory, BothProviders]
    public async Task A_roster_with_an_invalid_CCCD_reports_the_row_and_writes_nothing_for_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var registry = await TestRegistry.AddAsync(app);
        await app.AdminAsync();
        var client = await app.ApiClientAsync("admin");
        var good = TestRegistry.NewCccd("027", Sex.Male, 1990);
        var csv = "Họ và tên,Ngày sinh,Giới tính,Số CCCD\n"
                  + $"Lê Văn Tốt,01/01/1990,Nam,{good}\n"
                  + "Lê Văn Sai,01/01/1990,Nam,099190000001\n"; // 099 is no province code

        var preview = await WaitAsync(client, await UploadAsync(client, registry.EnterpriseOwn.Id, csv));
        var p = preview.GetProperty("preview");
        Assert.True(p.GetProperty("errors").GetInt32() >= 1, preview.ToString());
        Assert.Equal(1, p.GetProperty("valid").GetInt32());
        Assert.Contains("Cccd.Province", preview.ToString());
        Assert.False(await app.WithDbAsync(db => db.Set<Worker>().AnyAsync(w => w.Cccd == "099190000001")));
    }
}
