using Lachan.Features.Registry.Contracts;
using Lachan.Features.Rosters;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The audit page speaks the user's language and the province's time, and shows the latest anchor; the
/// roster list shows province time too.</summary>
public sealed class AuditPageTests(DemoApps apps) : IClassFixture<DemoApps>
{
    [Theory, BothProviders]
    public async Task The_audit_page_names_actions_and_records_in_Vietnamese_in_province_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        var at = new DateTime(2021, 5, 25, 7, 3, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent { At = at, UserName = "yte", Action = "update", EntityType = "QuarantineOrder", EntityId = "42",
                After = "{\"Note\":\"" + new string('x', 300) + "\"}" });
            await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/Admin/Audit?UserName=yte");

        var row = System.Text.RegularExpressions.Regex.Match(page, "<tr>\\s*<td data-label=\"#\">[\\s\\S]*?</tr>").Value;
        Assert.Contains("25/05/2021 14:03 (giờ Việt Nam)", row);
        Assert.Contains(">sửa</td>", row);
        Assert.Contains("Lệnh cách ly 42", row);
        Assert.Contains("<details>", row); // the long JSON folds away
        // the word, not the letters inside a random form token (a token once held "…yZUTCYW…")
        Assert.DoesNotMatch("(?<![A-Za-z0-9_-])UTC(?![A-Za-z0-9_-])", page);
        Assert.Contains("data-testid=\"latest-anchor\"", page);
    }

    [Theory, BothProviders]
    public async Task The_roster_list_shows_upload_times_in_province_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.LoggedInClientAsync("admin");
        await app.WithDbAsync(async db =>
        {
            db.Set<RosterImport>().Add(new RosterImport
            {
                Id = Guid.NewGuid(), EnterpriseId = await db.Set<Enterprise>().Select(e => e.Id).FirstAsync(), AsOf = new DateOnly(2021, 5, 25),
                FileName = "danh-sach.csv", FileHash = new string('0', 64), StoredPath = "none", Status = ImportStatus.Failed,
                CreatedBy = "admin", CreatedAt = new DateTime(2021, 5, 25, 18, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/Rosters");

        Assert.Contains("26/05/2021 01:30 (giờ Việt Nam)", page);
    }
}
