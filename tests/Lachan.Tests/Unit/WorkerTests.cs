using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;

namespace Lachan.Tests.Unit;

public sealed class WorkerTests
{
    private static readonly DateOnly D1 = new(2019, 3, 1);
    private static readonly DateOnly D2 = new(2020, 7, 15);
    private static readonly DateOnly D3 = new(2021, 5, 18);

    private static Worker NewWorker() => new()
    {
        Cccd = "024190001234", FullName = "Nguyễn Thị Hoa", NameSearch = "nguyen thi hoa", Sex = Sex.Female,
        DateOfBirth = new DateOnly(1990, 4, 2), HomeProvinceCode = "024", ProvinceCode = "24",
    };

    private static void Refused(string code, Action action) => Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void First_hire_opens_an_employment_and_records_Hired()
    {
        var w = NewWorker();
        w.Hire(10, D1, ContractType.Definite, "Xưởng may 1");

        var e = Assert.Single(w.Employments);
        Assert.Equal((10, D1, (DateOnly?)null, ContractType.Definite, "Xưởng may 1"), (e.EnterpriseId, e.From, e.To, e.ContractType, e.Workshop));
        var m = Assert.Single(w.Movements);
        Assert.Equal((MovementKind.Hired, D1, (int?)10, (int?)null), (m.Kind, m.Date, m.EnterpriseId, m.PreviousEnterpriseId));
        Assert.Equal(10, w.CurrentEnterpriseId);
    }

    [Fact]
    public void Hire_elsewhere_closes_the_current_employment_and_records_ChangedEmployer()
    {
        var w = NewWorker();
        w.Hire(10, D1, ContractType.Definite);
        w.Hire(20, D2, ContractType.Indefinite);

        Assert.Equal(2, w.Employments.Count);
        Assert.Equal(D2, w.Employments[0].To);
        Assert.Null(w.Employments[1].To);
        Assert.Equal(20, w.Employments[1].EnterpriseId);
        Assert.Single(w.Employments, e => e.To is null);
        var m = w.Movements[^1];
        Assert.Equal((MovementKind.ChangedEmployer, D2, (int?)20, (int?)10), (m.Kind, m.Date, m.EnterpriseId, m.PreviousEnterpriseId));
        Assert.Equal(20, w.CurrentEnterpriseId);
    }

    [Fact]
    public void Hire_at_the_current_employer_is_refused_and_changes_nothing()
    {
        var w = NewWorker();
        w.Hire(10, D1, ContractType.Definite);
        Refused("Worker.AlreadyEmployedThere", () => w.Hire(10, D2, ContractType.Definite));
        Assert.Single(w.Employments);
        Assert.Null(w.Employments[0].To);
        Assert.Single(w.Movements);
    }

    [Fact]
    public void Hire_dated_before_the_current_employment_is_refused_and_changes_nothing()
    {
        var w = NewWorker();
        w.Hire(10, D2, ContractType.Definite);
        Refused("Worker.DateBeforeCurrent", () => w.Hire(20, D1, ContractType.Definite));
        Assert.Single(w.Employments);
        Assert.Null(w.Employments[0].To);
        Assert.Equal(10, w.CurrentEnterpriseId);
    }

    [Fact]
    public void Leave_closes_the_employment_and_clears_the_current_employer()
    {
        var w = NewWorker();
        w.Hire(10, D1, ContractType.Definite);
        w.Leave(D3);
        Assert.Equal(D3, w.Employments[0].To);
        Assert.Null(w.CurrentEnterpriseId);
        var m = w.Movements[^1];
        Assert.Equal((MovementKind.Left, D3, (int?)null, (int?)10), (m.Kind, m.Date, m.EnterpriseId, m.PreviousEnterpriseId));

        // hired again later: a new employment, recorded as a hire (not a change of employer)
        w.Hire(10, D3.AddMonths(1), ContractType.Seasonal);
        Assert.Equal(2, w.Employments.Count);
        Assert.Equal(MovementKind.Hired, w.Movements[^1].Kind);
        Assert.Equal(10, w.CurrentEnterpriseId);
    }

    [Fact]
    public void Leave_refusals()
    {
        var w = NewWorker();
        Refused("Worker.NotEmployed", () => w.Leave(D1));
        w.Hire(10, D2, ContractType.Definite);
        Refused("Worker.DateBeforeCurrent", () => w.Leave(D1));
        Assert.Null(w.Employments[0].To);
        Assert.Equal(10, w.CurrentEnterpriseId);
        w.Leave(D3);
        Refused("Worker.NotEmployed", () => w.Leave(D3));
    }

    [Fact]
    public void Moving_in_opens_a_residence_and_records_MovedLodging()
    {
        var w = NewWorker();
        w.MoveLodging(5, D1, "P.12");
        var r = Assert.Single(w.Residences);
        Assert.Equal((5, D1, (DateOnly?)null, "P.12"), (r.LodgingHouseId, r.From, r.To, r.Room));
        var m = Assert.Single(w.Movements);
        Assert.Equal((MovementKind.MovedLodging, (int?)5, (int?)null), (m.Kind, m.LodgingHouseId, m.PreviousLodgingHouseId));
        Assert.Equal(5, w.CurrentLodgingHouseId);
    }

    [Fact]
    public void Moving_elsewhere_closes_the_current_residence()
    {
        var w = NewWorker();
        w.MoveLodging(5, D1);
        w.MoveLodging(6, D2);
        Assert.Equal(D2, w.Residences[0].To);
        Assert.Null(w.Residences[1].To);
        var m = w.Movements[^1];
        Assert.Equal((MovementKind.MovedLodging, D2, (int?)6, (int?)5), (m.Kind, m.Date, m.LodgingHouseId, m.PreviousLodgingHouseId));
        Assert.Equal(6, w.CurrentLodgingHouseId);
    }

    [Fact]
    public void Moving_out_closes_the_residence_and_records_LeftLodging()
    {
        var w = NewWorker();
        w.MoveLodging(5, D1);
        w.MoveLodging(null, D3);
        Assert.Equal(D3, Assert.Single(w.Residences).To);
        var m = w.Movements[^1];
        Assert.Equal((MovementKind.LeftLodging, D3, (int?)null, (int?)5), (m.Kind, m.Date, m.LodgingHouseId, m.PreviousLodgingHouseId));
        Assert.Null(w.CurrentLodgingHouseId);
    }

    [Fact]
    public void Lodging_refusals_change_nothing()
    {
        var w = NewWorker();
        w.MoveLodging(5, D2);
        Refused("Worker.AlreadyLivesThere", () => w.MoveLodging(5, D3));
        Refused("Worker.DateBeforeCurrent", () => w.MoveLodging(6, D1));
        Refused("Worker.DateBeforeCurrent", () => w.MoveLodging(null, D1));
        Assert.Single(w.Residences);
        Assert.Null(w.Residences[0].To);
        Assert.Single(w.Movements);
        Assert.Equal(5, w.CurrentLodgingHouseId);
    }

    [Fact]
    public void Employment_and_lodging_histories_are_independent()
    {
        var w = NewWorker();
        w.Hire(10, D1, ContractType.Definite);
        w.MoveLodging(5, D1);
        w.Leave(D2);
        Assert.Equal(5, w.CurrentLodgingHouseId);
        Assert.Null(w.CurrentEnterpriseId);
        Assert.Equal([MovementKind.Hired, MovementKind.MovedLodging, MovementKind.Left], w.Movements.Select(m => m.Kind));
    }

    [Fact]
    public void Enterprise_status_changes_keep_history_and_refuse_a_no_op()
    {
        var e = new Enterprise { TaxCode = "2400000001", Name = "Công ty A", NameSearch = "cong ty a", CommuneCode = "07700", DistrictCode = "222", ProvinceCode = "24" };
        Assert.Equal(EnterpriseStatus.Operating, e.Status);
        Refused("Enterprise.StatusUnchanged", () => e.ChangeStatus(EnterpriseStatus.Operating, D3, "-"));
        e.ChangeStatus(EnterpriseStatus.Suspended, D3, "Tạm dừng theo quyết định của tỉnh");
        e.ChangeStatus(EnterpriseStatus.Operating, D3.AddDays(10), "Được hoạt động trở lại");
        Assert.Equal(EnterpriseStatus.Operating, e.Status);
        Assert.Equal([EnterpriseStatus.Suspended, EnterpriseStatus.Operating], e.StatusHistory.Select(s => s.Status));
    }
}
