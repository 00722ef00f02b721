using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration.Cases;

/// <summary>Clusters are made of the places held on the day of the case (and of the contact), not of where people are now.</summary>
public sealed class ClusterTests(EmptyApps apps) : IClassFixture<EmptyApps>
{
    [Theory, BothProviders]
    public async Task A_case_who_changed_employer_and_lodging_later_stays_in_the_clusters_where_it_happened(DatabaseProvider provider)
    {
        var w = await CasesWorld.CreateAsync(await apps.For(provider));
        var api = await w.App.ApiClientAsync(w.Health);
        var code = "BN" + w.Registry.Tag;
        var registered = await api.PostAsJsonAsync("/api/v1/cases", new
        {
            cccd = w.Registry.WorkerOwn.Cccd, code, confirmedOn = new DateOnly(2021, 5, 18), testKind = "RT-PCR", testDate = new DateOnly(2021, 5, 17),
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var caseId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var contact = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts",
            new { workerId = w.WorkshopMate.Id, kind = "ProductionLine", lastContactOn = new DateOnly(2021, 5, 17) });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);

        // after recovery the case moves to the other enterprise and house of the province
        var other = await w.App.WithDbAsync(async db =>
        {
            var house = new LodgingHouse
            {
                Name = "Nhà trọ Sau " + w.Registry.Tag, NameSearch = "nha tro sau", Address = "Thôn Sau", CommuneCode = w.Registry.LodgingOwn.CommuneCode,
                DistrictCode = w.Registry.LodgingOwn.DistrictCode, ProvinceCode = w.Registry.LodgingOwn.ProvinceCode, LandlordId = w.Registry.LodgingOwn.LandlordId,
            };
            var enterprise = new Enterprise
            {
                TaxCode = TestRegistry.NewTaxCode(), Name = "Công ty Sau " + w.Registry.Tag, NameSearch = "cong ty sau", CommuneCode = w.Registry.EnterpriseOwn.CommuneCode,
                DistrictCode = w.Registry.EnterpriseOwn.DistrictCode, ProvinceCode = w.Registry.EnterpriseOwn.ProvinceCode, IndustrialZoneId = w.Registry.ZoneOwn.Id,
            };
            db.AddRange(house, enterprise);
            await db.SaveChangesAsync();
            var worker = await db.Set<Worker>().Include(x => x.Employments).Include(x => x.Residences).SingleAsync(x => x.Id == w.Registry.WorkerOwn.Id);
            worker.Hire(enterprise.Id, new DateOnly(2021, 7, 1), ContractType.Definite);
            worker.MoveLodging(house.Id, new DateOnly(2021, 7, 1));
            await db.SaveChangesAsync();
            return (enterprise.Id, house.Id);
        });

        var pages = await w.App.LoggedInClientAsync(w.Health);
        var then = await pages.GetPageAsync($"/Outbreak/Cases/Clusters?kind=Enterprise&id={w.Registry.EnterpriseOwn.Id}");
        Assert.Contains(code, then);
        Assert.Contains(w.WorkshopMate.FullName, then);
        Assert.Contains(code, await pages.GetPageAsync($"/Outbreak/Cases/Clusters?kind=LodgingHouse&id={w.Registry.LodgingOwn.Id}"));
        Assert.DoesNotContain(code, await pages.GetPageAsync($"/Outbreak/Cases/Clusters?kind=Enterprise&id={other.Item1}"));
        Assert.DoesNotContain(code, await pages.GetPageAsync($"/Outbreak/Cases/Clusters?kind=LodgingHouse&id={other.Item2}"));

        var list = await pages.GetPageAsync("/Outbreak/Cases/Clusters");
        Assert.Contains(w.Registry.EnterpriseOwn.Name, list);
        Assert.DoesNotContain("Công ty Sau " + w.Registry.Tag, list);
    }
}
