using System.Net;
using Lachan.Features.Outbreak.Cases;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Cases;

/// <summary>The case list's export: the same filters and jurisdiction as the list, xlsx or csv, audited.</summary>
public sealed class CaseExportTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task The_case_list_exports_what_it_shows_as_csv_and_xlsx_and_the_export_is_audited(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var tag = w.Registry.Tag;
        await w.App.WithDbAsync(async db =>
        {
            var early = new Case { WorkerId = w.Registry.WorkerOwn.Id, Code = "EA" + tag, ConfirmedOn = new(2021, 5, 14), TestKind = "RT-PCR", TestDate = new(2021, 5, 13) };
            early.SetOutcome(CaseOutcome.Recovered, new DateOnly(2021, 6, 10));
            db.Set<Case>().AddRange(early,
                new Case { WorkerId = w.WorkshopMate.Id, Code = "LA" + tag, ConfirmedOn = new(2021, 5, 20), TestKind = "RT-PCR", TestDate = new(2021, 5, 19), TreatmentPlace = "BV dã chiến số 1" },
                new Case { WorkerId = w.Registry.WorkerOther.Id, Code = "OT" + tag, ConfirmedOn = new(2021, 5, 21), TestKind = "RT-PCR", TestDate = new(2021, 5, 20) });
            await db.SaveChangesAsync();
        });
        var pages = await w.App.LoggedInClientAsync(w.Health);

        // the list page links its export with its own filters
        var list = await pages.GetPageAsync("/Outbreak/Cases?From=19/05/2021&PageNumber=1");
        Assert.Contains("href=\"/Outbreak/Cases?From=19%2F05%2F2021&handler=Export&format=csv\"", list);

        var csv = await pages.GetAsync("/Outbreak/Cases?From=19/05/2021&handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Mã bệnh nhân,Họ và tên,Số CCCD,Ngày khẳng định", text.TrimStart('\uFEFF'));
        Assert.Contains($"LA{tag},{w.WorkshopMate.FullName},{w.WorkshopMate.Cccd},20/05/2021,RT-PCR,19/05/2021,,BV dã chiến số 1,Đang điều trị,,", text);
        Assert.DoesNotContain("EA" + tag, text);   // confirmed before the filter's first day
        Assert.DoesNotContain("OT" + tag, text);   // the other province's case
        Assert.DoesNotContain(w.Registry.WorkerOther.Cccd, text);

        var xlsx = await pages.GetAsync("/Outbreak/Cases?Outcome=Recovered&handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows, r => (string)r["Mã bệnh nhân"] == "EA" + tag);
        Assert.Equal(("Khỏi bệnh", "10/06/2021"), ((string)row["Kết quả điều trị"], (string)row["Ngày kết quả"]));
        Assert.DoesNotContain(rows, r => (string)r["Mã bệnh nhân"] == "LA" + tag);

        var audits = await w.App.WithDbAsync(db => db.AuditEvents.Where(a => a.UserName == w.Health && a.Action == "export" && a.EntityType == "CaseList")
            .OrderBy(a => a.Id).Select(a => a.After!).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains("\"Rows\":1", audits[0]);
        Assert.DoesNotContain(w.WorkshopMate.Cccd, audits[0]);   // the filters and a count, not the people

        // an unreadable date would export more than asked: refused, like an unknown format
        Assert.Equal(HttpStatusCode.BadRequest, (await pages.GetAsync("/Outbreak/Cases?From=19-05&handler=Export&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pages.GetAsync("/Outbreak/Cases?handler=Export&format=pdf")).StatusCode);
        // enterprise HR may not see health records at all
        var hr = await (await w.App.LoggedInClientAsync(w.Hr)).GetAsync("/Outbreak/Cases?handler=Export&format=csv");
        Assert.Contains("/Account/Denied", hr.Headers.Location?.OriginalString ?? "");
    }
}
