using System.Net.Http.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Registry.Transfers;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Tests.Integration;

/// <summary>Transfer requests (ADR-0014): decided by the steering committee and the zone board whose jurisdiction covers
/// the worker's employer; never by enterprise HR, though it may write workers. Each probe that decides works on a request
/// of its own, for a worker of its own, so the shared registry does not move.</summary>
public sealed partial class AccessMatrixTests
{
    private static bool Reviewer(Role r) => r is Role.Steering or Role.IzBoard;

    private static string MoverName(TestRegistry r, Side side) => $"Nguoi Chuyen {(side == Side.Own ? "Mot" : "Hai")} {r.Tag}"; // ASCII: found in JSON answers as typed
    private static string ReceiverName(TestRegistry r, Side side) => $"Cong ty Nhan {(side == Side.Own ? "Mot" : "Hai")} {r.Tag}";

    /// <summary>One pending request on each side, so the lists have something to hide.</summary>
    internal static async Task AddTransfersAsync(LachanApp app, TestRegistry r)
    {
        foreach (var side in new[] { Side.Own, Side.Other }) await NewTransferAsync(app, r, side);
    }

    /// <summary>A worker of the side's enterprise that another enterprise of the same province asked to hire.</summary>
    private static async Task<int> NewTransferAsync(LachanApp app, TestRegistry r, Side side)
    {
        var from = side == Side.Own ? r.EnterpriseOwn : r.EnterpriseOther;
        return await app.WithDbAsync(async db =>
        {
            var receiver = await db.Set<Enterprise>().FirstOrDefaultAsync(e => e.Name == ReceiverName(r, side));
            if (receiver is null)
            {
                receiver = new Enterprise
                {
                    TaxCode = TestRegistry.NewTaxCode(), Name = ReceiverName(r, side), NameSearch = VietnameseText.SearchKey(ReceiverName(r, side)),
                    CommuneCode = from.CommuneCode, DistrictCode = from.DistrictCode, ProvinceCode = from.ProvinceCode, Sector = "may mặc",
                };
                db.Set<Enterprise>().Add(receiver);
            }
            var worker = new Worker
            {
                Cccd = TestRegistry.NewCccd("024", Sex.Male, 1994), FullName = "Lý Văn Chuyển", NameSearch = "ly van chuyen", Sex = Sex.Male,
                DateOfBirth = new DateOnly(1994, 2, 3), HomeProvinceCode = "024", ProvinceCode = from.ProvinceCode,
            };
            worker.Hire(from.Id, new DateOnly(2020, 1, 1), ContractType.Definite);
            db.Set<Worker>().Add(worker);
            await db.SaveChangesAsync();
            var request = new TransferRequest
            {
                WorkerId = worker.Id, FromEnterpriseId = from.Id, ToEnterpriseId = receiver.Id, Source = "form", RequestedBy = "test", RequestedAt = DateTime.UtcNow,
                SuppliedJson = TransferRequest.Serialize(new TransferSupplied(MoverName(r, side), Sex.Male, new DateOnly(1994, 2, 3), null, null, null, null,
                    new DateOnly(2021, 5, 18), ContractType.Definite, null, null)),
            };
            db.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
    }

    private static Task<TransferStatus> TransferStatusAsync(Caller c, int id) =>
        c.App.WithDbAsync(db => db.Set<TransferRequest>().Where(t => t.Id == id).Select(t => t.Status).SingleAsync());

    private static void AddTransferProbes(List<Probe> list)
    {
        Func<Caller, Side, string> listMark = (c, s) => ReceiverName(c.Registry, s);
        Func<Caller, Side, string> detailMark = (c, s) => MoverName(c.Registry, s);
        list.Add(new("page /Registry/Transfers/Index", RegistryAreas.Workers, Access.Write, Side.Own, false, async c =>
            await Read(await c.Pages.GetAsync("/Registry/Transfers"))) { IsList = true, Marker = listMark, Only = Reviewer });
        list.Add(new("GET /api/v1/transfers", RegistryAreas.Workers, Access.Write, Side.Own, true, async c =>
            await Read(await c.Api.GetAsync("/api/v1/transfers?status=Pending"))) { IsList = true, Marker = listMark, Only = Reviewer });
        foreach (var side in new[] { Side.Own, Side.Other })
        {
            list.Add(new("page /Registry/Transfers/Detail", RegistryAreas.Workers, Access.Write, side, false, async c =>
                await Read(await c.Pages.GetAsync($"/Registry/Transfers/{await NewTransferAsync(c.App, c.Registry, side)}"))) { Marker = detailMark, Only = Reviewer });
            list.Add(new("page /Registry/Transfers/Detail", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var id = await NewTransferAsync(c.App, c.Registry, side);
                var response = await c.Pages.PostAsync($"/Registry/Transfers/{id}?handler=Approve", Form(c.Token));
                return await Read(response, await TransferStatusAsync(c, id) != TransferStatus.Pending);
            }) { Mutates = true, Only = Reviewer });
            list.Add(new("page /Registry/Transfers/Detail", RegistryAreas.Workers, Access.Write, side, false, async c =>
            {
                var id = await NewTransferAsync(c.App, c.Registry, side);
                var response = await c.Pages.PostAsync($"/Registry/Transfers/{id}?handler=Reject", Form(c.Token, ("Reason", "Không đúng người")));
                return await Read(response, await TransferStatusAsync(c, id) != TransferStatus.Pending);
            }) { Mutates = true, Only = Reviewer });
            list.Add(new("GET /api/v1/transfers/{id:int}", RegistryAreas.Workers, Access.Write, side, true, async c =>
                await Read(await c.Api.GetAsync($"/api/v1/transfers/{await NewTransferAsync(c.App, c.Registry, side)}"))) { Marker = detailMark, Only = Reviewer });
            list.Add(new("POST /api/v1/transfers/{id:int}/approve", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var id = await NewTransferAsync(c.App, c.Registry, side);
                var response = await c.Api.PostAsync($"/api/v1/transfers/{id}/approve", null);
                return await Read(response, await TransferStatusAsync(c, id) != TransferStatus.Pending);
            }) { Mutates = true, Only = Reviewer });
            list.Add(new("POST /api/v1/transfers/{id:int}/reject", RegistryAreas.Workers, Access.Write, side, true, async c =>
            {
                var id = await NewTransferAsync(c.App, c.Registry, side);
                var response = await c.Api.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { reason = "Không đúng người" });
                return await Read(response, await TransferStatusAsync(c, id) != TransferStatus.Pending);
            }) { Mutates = true, Only = Reviewer });
        }
    }
}
