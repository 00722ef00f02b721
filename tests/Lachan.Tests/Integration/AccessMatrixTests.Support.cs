using System.Net.Http.Json;
using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Insurance;
using Lachan.Features.Support.Policies;
using Lachan.Infrastructure.Auth;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Support policies, the cost simulation and insurance months: province-wide data (no jurisdiction sides); the
/// province changes policies and simulates, social insurance records months, the desks of the chain read.</summary>
public sealed partial class AccessMatrixTests
{
    private static int _policyDay = Random.Shared.Next(1000, 5000);
    private static int _insuredMonth = Random.Shared.Next(0, 600);   // months after 01/2030, within the importer's years

    private static Task<int> ProbePolicyIdAsync(Caller c) =>
        c.App.WithDbAsync(db => db.Set<SupportPolicy>().Where(p => p.Code == "BG-FREE-WORKERS").Select(p => p.Id).SingleAsync());

    private static void AddSupportProbes(List<Probe> list)
    {
        var policies = SupportAreas.Policies;
        list.Add(new("GET /api/v1/support/policies", policies, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/support/policies"))) { Marker = (_, _) => "QD08-G1" });
        list.Add(new("GET /api/v1/support/simulations", policies, Access.Write, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/support/simulations?policy=NQ68-MEALS&from=2021-05-01&to=2021-06-30"))) { Marker = (_, _) => "NQ68-MEALS" });
        list.Add(new("page /Support/Policies/Index", policies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Support/Policies"))) { Marker = (_, _) => "NQ68-HOUSEHOLD" });
        list.Add(new("page /Support/Policies/Detail", policies, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync($"/Support/Policies/{await ProbePolicyIdAsync(c)}"))) { Marker = (_, _) => "BG-FREE-WORKERS" });
        list.Add(new("page /Support/Policies/Detail", policies, Access.Write, Side.None, false, async c =>
        {
            var id = await ProbePolicyIdAsync(c);
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<SupportPolicyVersion>().CountAsync(v => v.PolicyId == id));
            var before = await CountAsync();
            // each allowed write needs a first day after the latest version's
            var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Interlocked.Increment(ref _policyDay));
            var response = await c.Pages.PostAsync($"/Support/Policies/{id}", Form(c.Token, ("Form.EffectiveFrom", Dmy(from)), ("Form.Source", "Thử"),
                ("Form.PeriodFrom", "01/05/2021"), ("Form.PeriodTo", "31/12/2021"), ("Form.MinDays", "14"), ("Form.Amount", "1500000")));
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });
        list.Add(new("POST /api/v1/support/policies/{code}/versions", policies, Access.Write, Side.None, true, async c =>
        {
            var id = await ProbePolicyIdAsync(c);
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<SupportPolicyVersion>().CountAsync(v => v.PolicyId == id));
            var before = await CountAsync();
            var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Interlocked.Increment(ref _policyDay));
            var response = await c.Api.PostAsJsonAsync("/api/v1/support/policies/BG-FREE-WORKERS/versions", new
            {
                effectiveFrom = Dmy(from), source = "Thử", periodFrom = "01/05/2021", periodTo = "31/12/2021", minDays = "14", amount = "1500000",
            });
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });
        list.Add(new("page /Support/Simulation/Index", policies, Access.Write, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Support/Simulation?Policy=NQ68-MEALS&From=01/05/2021&To=30/06/2021"))) { Marker = (_, _) => "simulation-result" });

        var insurance = SupportAreas.Insurance;
        list.Add(new("page /Support/Insurance/Index", insurance, Access.Read, Side.None, false, async c =>
            await Read(await c.Pages.GetAsync("/Support/Insurance"))) { Marker = (_, _) => "insurance-months" });
        list.Add(new("page /Support/Insurance/Index", insurance, Access.Write, Side.None, false, async c =>
        {
            var w = c.Registry.WorkerOwn;
            Task<int> CountAsync() => c.App.WithDbAsync(db => db.Set<InsuredMonth>().CountAsync(m => m.WorkerId == w.Id));
            var before = await CountAsync();
            var month = new DateOnly(2030, 1, 1).AddMonths(Interlocked.Increment(ref _insuredMonth));
            var csv = $"Số CCCD,Tháng,Mã số thuế\n{w.Cccd},{month:MM/yyyy},{c.Registry.EnterpriseOwn.TaxCode}\n";
            var content = new MultipartFormDataContent { { new StringContent(c.Token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new("text/csv");
            var response = await c.Pages.PostAsync("/Support/Insurance", content.WithFile(file, "Upload", "bhxh.csv"));
            return await Read(response, await CountAsync() != before);
        }) { Mutates = true });
    }
}
