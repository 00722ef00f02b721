using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>The support flags worklist, a worker's view across programmes and the support reports (issue 12, items 7
/// and 8): read by the lists' readers, each in its jurisdiction (the other side's list or worker never shows).</summary>
public sealed partial class AccessMatrixTests
{
    private static void AddSupportViewProbes(List<Probe> list)
    {
        var lists = SupportAreas.Lists;
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            list.Add(new("GET /api/v1/support/flags", lists, Access.Read, side, true, async c =>
            {
                // a row asking more than the policy gives: an over-cap flag naming the side's worker
                var made = await SupportListAsync(c, side, ListState.Draft);
                await c.App.WithDbAsync(db => db.Set<SupportListRow>().Where(r => r.SupportListId == made.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AmountAsked, 900_000)));
                return await Read(await c.Api.GetAsync($"/api/v1/support/flags?kind=over-cap&page={1}"));
            }) { IsList = true, Marker = (c, s) => $"\"listIds\":[{LatestListId(c, s)}]" });
            list.Add(new("GET /api/v1/support/workers/{id:int}/received", lists, Access.Read, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/support/workers/{Worker(c, side).Id}/received"))) { Marker = (c, s) => $"\"workerId\":{Worker(c, s).Id}" });
            list.Add(new("GET /api/v1/support/reports", lists, Access.Read, side, true, async c =>
            {
                await SupportListAsync(c, side, ListState.Draft);
                return await Read(await c.Api.GetAsync("/api/v1/support/reports?by=enterprise"));
            }) { IsList = true, Marker = (c, s) => Enterprise(c, s).TaxCode });
            list.Add(new("page /Support/Overview/Index", lists, Access.Read, side, false, async c =>
            {
                var made = await SupportListAsync(c, side, ListState.Draft);
                await c.App.WithDbAsync(db => db.Set<SupportListRow>().Where(r => r.SupportListId == made.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AmountAsked, 900_000)));
                return await Read(await c.Pages.GetAsync("/Support/Overview?Kind=over-cap"));
            }) { IsList = true, Marker = (c, s) => $"/Support/Lists/{LatestListId(c, s)}\"" });
            list.Add(new("page /Support/Reports/Index", lists, Access.Read, side, false, async c =>
            {
                await SupportListAsync(c, side, ListState.Draft);
                return await Read(await c.Pages.GetAsync("/Support/Reports?By=Enterprise"));
            }) { IsList = true, Marker = (c, s) => Enterprise(c, s).TaxCode });
        }
        list.Add(new("GET /api/v1/support/reports/export", lists, Access.Read, Side.None, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/support/reports/export?by=status"))));
    }

    /// <summary>The side's newest list (the probe just made it).</summary>
    private static int LatestListId(Caller c, Side side)
    {
        var taxCode = Enterprise(c, side).TaxCode;
        return c.App.WithDbAsync(db => db.Set<SupportList>().Where(l => l.TaxCode == taxCode).MaxAsync(l => l.Id)).GetAwaiter().GetResult();
    }
}
