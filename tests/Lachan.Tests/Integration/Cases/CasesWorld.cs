using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Localization;
using Lachan.Tests.Infrastructure;

namespace Lachan.Tests.Integration.Cases;

/// <summary>The test registry plus people around the own worker (the case to be): a workshop mate, an enterprise mate
/// from another workshop, a roommate employed elsewhere, and the workshop mate's roommate (an F2 candidate).
/// A health officer and the enterprise's HR have accounts.</summary>
public sealed record CasesWorld(LachanApp App, TestRegistry Registry, Worker WorkshopMate, Worker EnterpriseMate, Worker RoomMate, Worker MatesRoommate,
    string Health, string Hr)
{
    public static async Task<CasesWorld> CreateAsync(LachanApp app)
    {
        var r = await TestRegistry.AddAsync(app);
        var hired = new DateOnly(2020, 1, 6);
        Worker W(string name, int year) => new()
        {
            Cccd = TestRegistry.NewCccd("024", Sex.Male, year), FullName = name, NameSearch = VietnameseText.SearchKey(name), Sex = Sex.Male,
            DateOfBirth = new DateOnly(year, 2, 3), HomeProvinceCode = "024", ProvinceCode = TestRegistry.OwnProvince,
        };
        var workshopMate = W("Ngô Văn Xưởng " + r.Tag, 1995);
        workshopMate.Hire(r.EnterpriseOwn.Id, hired, ContractType.Definite, "xưởng may 2");
        var enterpriseMate = W("Hà Văn Công Ty " + r.Tag, 1994);
        enterpriseMate.Hire(r.EnterpriseOwn.Id, hired, ContractType.Definite, "Xưởng cắt");
        var roomMate = W("Lý Văn Phòng " + r.Tag, 1993);
        roomMate.MoveLodging(r.LodgingOwn.Id, hired, "P.3");
        // someone who left the enterprise before the confirmation date is not suggested
        var leaver = W("Tạ Văn Nghỉ " + r.Tag, 1992);
        leaver.Hire(r.EnterpriseOwn.Id, hired, ContractType.Definite, "Xưởng may 2");
        leaver.Leave(new DateOnly(2021, 3, 1));
        var matesRoommate = W("Đỗ Văn Hai " + r.Tag, 1991);
        await app.WithDbAsync(async db =>
        {
            var lodge = new LodgingHouse
            {
                Name = "Nhà trọ Nếnh " + r.Tag, NameSearch = "nha tro nenh", Address = "Nếnh", CommuneCode = r.LodgingOwn.CommuneCode,
                DistrictCode = r.LodgingOwn.DistrictCode, ProvinceCode = TestRegistry.OwnProvince, LandlordId = r.LodgingOwn.LandlordId,
            };
            db.Set<LodgingHouse>().Add(lodge);
            await db.SaveChangesAsync();
            workshopMate.MoveLodging(lodge.Id, hired, "P.1");
            matesRoommate.MoveLodging(lodge.Id, hired, "P.1");
            db.Set<Worker>().AddRange(workshopMate, enterpriseMate, roomMate, leaver, matesRoommate);
            await db.SaveChangesAsync();
        });
        var health = "health-" + r.Tag.ToLowerInvariant();
        var hr = "hr-" + r.Tag.ToLowerInvariant();
        await app.EnsureUserAsync(health, Role.Health, TestRegistry.OwnProvince);
        await app.EnsureUserAsync(hr, Role.EnterpriseHr, r.EnterpriseOwn.TaxCode);
        return new CasesWorld(app, r, workshopMate, enterpriseMate, roomMate, matesRoommate, health, hr);
    }
}
