using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using System.Net.Http.Json;
using Lachan.Features.Outbreak.Testing;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Testing (samples, retest, screening): the Health area, each within the jurisdiction of the sample's members or
/// the schedule's enterprise. Each side has a positive pool holding its worker and a weekly schedule on its enterprise.</summary>
public sealed partial class AccessMatrixTests
{
    private static readonly DateOnly PoolDay = new(2021, 5, 20);

    private static string PoolCode(TestRegistry r, Side side) => $"POOL-{(side == Side.Own ? "O" : "X")}-{r.Tag}";

    internal static async Task AddTestingRecordsAsync(LachanApp app, TestRegistry r)
    {
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            var worker = side == Side.Own ? r.WorkerOwn : r.WorkerOther;
            var mate = await app.WithDbAsync(async db =>
            {
                var w = new Lachan.Features.Registry.Contracts.Worker
                {
                    Cccd = TestRegistry.NewCccd("024", Lachan.Features.Registry.Contracts.Sex.Female, 1995), FullName = "Hà Thị Gộp " + NewPhone(), NameSearch = "ha thi gop",
                    Sex = Lachan.Features.Registry.Contracts.Sex.Female, DateOfBirth = new DateOnly(1995, 1, 1), HomeProvinceCode = "024",
                    ProvinceCode = side == Side.Other ? TestRegistry.OtherProvince : TestRegistry.OwnProvince,
                };
                db.Set<Worker>().Add(w);
                await db.SaveChangesAsync();
                return w;
            });
            await app.WithDbAsync(async db =>
            {
                db.Set<TestSample>().Add(new TestSample
                {
                    Code = PoolCode(r, side), Pooled = true, CollectedOn = PoolDay, CollectedTime = new TimeOnly(10, 0), Site = "Trạm y tế",
                    Result = TestResult.Positive, ResultOn = PoolDay.AddDays(1), Members = [new() { WorkerId = worker.Id }, new() { WorkerId = mate.Id }],
                });
                db.Set<ScreeningSchedule>().Add(new ScreeningSchedule { EnterpriseId = (side == Side.Own ? r.EnterpriseOwn : r.EnterpriseOther).Id, IntervalDays = 7, From = new DateOnly(2021, 5, 28) });
                await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>A pending single sample of the side's worker, collected before the pool so the retest list keeps them.</summary>
    private static Task<int> PendingSampleAsync(Caller c, Side side) => c.App.WithDbAsync(async db =>
    {
        var s = new TestSample
        {
            Code = "PEND" + NewPhone(), CollectedOn = PoolDay.AddDays(-1), CollectedTime = new TimeOnly(9, 0), Site = "Trạm y tế",
            Members = [new() { WorkerId = Worker(c, side).Id }],
        };
        db.Set<TestSample>().Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    private static void AddTestingProbes(List<Probe> list)
    {
        Func<Caller, Side, string> workerMark = (c, s) => Worker(c, s).Cccd;

        foreach (var side in new[] { Side.Own, Side.Other })
        {
            // ---------------- pages ----------------
            list.Add(new("page /Outbreak/Testing/New", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var person = await NewPersonAsync(c, side);
                var code = "PM" + NewPhone();
                var response = await c.Pages.PostAsync("/Outbreak/Testing/New", Form(c.Token, ("Form.Code", code), ("Form.CollectedOn", "22/05/2021"),
                    ("Form.CollectedTime", "08:15"), ("Form.Site", "Trạm y tế"), ("Form.Members", person.Cccd + "\n")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Code == code)));
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Testing/Result", OutbreakAreas.Health, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Testing/Result/{await PendingSampleAsync(c, side)}"))));
            list.Add(new("page /Outbreak/Testing/Result", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var id = await PendingSampleAsync(c, side);
                var response = await c.Pages.PostAsync($"/Outbreak/Testing/Result/{id}", Form(c.Token, ("Form.Result", "Negative"), ("Form.ResultOn", "20/05/2021")));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Id == id && s.Result != TestResult.Pending)));
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Testing/Import", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var id = await PendingSampleAsync(c, side);
                var code = await c.App.WithDbAsync(db => db.Set<TestSample>().Where(s => s.Id == id).Select(s => s.Code).SingleAsync());
                var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Mã mẫu,Kết quả,Ngày\n{code},Dương tính,20/05/2021\n"));
                file.Headers.ContentType = new("text/csv");
                var form = new MultipartFormDataContent { { new StringContent(c.Token), "__RequestVerificationToken" } }.WithFile(file, "Upload", "ket-qua.csv");
                var response = await c.Pages.PostAsync("/Outbreak/Testing/Import", form);
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Id == id && s.Result != TestResult.Pending)));
            }) { Mutates = true });
            list.Add(new("page /Outbreak/Testing/Screening", OutbreakAreas.Health, Access.Read, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Outbreak/Testing/Screening?Date=10/06/2021&EnterpriseId={Enterprise(c, side).Id}"))) { IsList = true, Marker = workerMark });

            list.Add(new("page /Outbreak/Testing/Schedules", OutbreakAreas.Health, Access.Write, side, false, async c =>
            {
                var enterprise = Enterprise(c, side).Id;
                Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<ScreeningSchedule>().CountAsync(s => s.EnterpriseId == enterprise));
                var before = await CountAsync();
                var response = await c.Pages.PostAsync("/Outbreak/Testing/Schedules", Form(c.Token, ("Form.EnterpriseId", enterprise.ToString()),
                    ("Form.IntervalDays", "14"), ("Form.From", "01/06/2021")));
                return await Read(response, await CountAsync() != before);
            }) { Mutates = true });

            // ---------------- API ----------------
            list.Add(new("POST /api/v1/samples", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var person = await NewPersonAsync(c, side);
                var code = "SM" + NewPhone();
                var response = await c.Api.PostAsJsonAsync("/api/v1/samples",
                    new { code, pooled = false, collectedAt = new DateTime(2021, 5, 22, 8, 0, 0), site = "Trạm y tế", members = new[] { person.Cccd } });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Code == code)));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/samples/{id:int}/result", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var id = await PendingSampleAsync(c, side);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/samples/{id}/result", new { result = "Negative", resultOn = PoolDay });
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Id == id && s.Result != TestResult.Pending)));
            }) { Mutates = true });
            list.Add(new("POST /api/v1/screening-schedules", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var enterprise = Enterprise(c, side).Id;
                Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<ScreeningSchedule>().CountAsync(s => s.EnterpriseId == enterprise));
                var before = await CountAsync();
                var response = await c.Api.PostAsJsonAsync("/api/v1/screening-schedules", new { enterpriseId = enterprise, intervalDays = 14, from = new DateOnly(2021, 6, 1) });
                return await Read(response, await CountAsync() != before);
            }) { Mutates = true });
            list.Add(new("POST /api/v1/samples/results/import", OutbreakAreas.Health, Access.Write, side, true, async c =>
            {
                var id = await PendingSampleAsync(c, side);
                var code = await c.App.WithDbAsync(db => db.Set<TestSample>().Where(s => s.Id == id).Select(s => s.Code).SingleAsync());
                var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Mã mẫu,Kết quả,Ngày\n{code},Âm tính,20/05/2021\n"));
                file.Headers.ContentType = new("text/csv");
                var response = await c.Api.PostAsync("/api/v1/samples/results/import", new MultipartFormDataContent().WithFile(file, "file", "ket-qua.csv"));
                return await Read(response, await c.App.WithDbAsync(db => db.Set<TestSample>().AnyAsync(s => s.Id == id && s.Result != TestResult.Pending)));
            }) { Mutates = true });
            list.Add(new("GET /api/v1/screening/due", OutbreakAreas.Health, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/screening/due?date=2021-06-10&enterpriseId={Enterprise(c, side).Id}"))) { IsList = true, Marker = workerMark });
        }
        list.Add(new("page /Outbreak/Testing/Index", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Testing"))) { IsList = true, Marker = (c, s) => PoolCode(c.Registry, s) });
        // the weekly schedule of each side's enterprise (AddTestingRecordsAsync): only the own one is listed or offered
        list.Add(new("page /Outbreak/Testing/Schedules", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Testing/Schedules"))) { IsList = true, Marker = (c, s) => Enterprise(c, s).Name });
        list.Add(new("page /Outbreak/Testing/Retest", OutbreakAreas.Health, Access.Read, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Testing/Retest"))) { IsList = true, Marker = workerMark });
        list.Add(new("page /Outbreak/Testing/New", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Testing/New"))));
        list.Add(new("page /Outbreak/Testing/Import", OutbreakAreas.Health, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Outbreak/Testing/Import"))));
        list.Add(new("GET /api/v1/samples", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/samples?pageSize=500"))) { IsList = true, Marker = (c, s) => PoolCode(c.Registry, s) });
        list.Add(new("GET /api/v1/samples/retest", OutbreakAreas.Health, Access.Read, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/samples/retest"))) { IsList = true, Marker = workerMark });
    }
}
