namespace Lachan.Features.Registry.Contracts;

using Lachan.Infrastructure;

public enum Sex { Male = 1, Female = 2 }

public enum ContractType { Indefinite = 1, Definite = 2, Seasonal = 3, Probation = 4 }

public enum MovementKind { Registered = 1, Hired = 2, Left = 3, MovedLodging = 4, ChangedEmployer = 5, LeftLodging = 6 }

/// <summary>One record per person, unique by CCCD. Current employer and lodging are kept on the record
/// (maintained only by the methods below) so jurisdiction filters and lists need no history join.</summary>
public sealed class Worker
{
    public int Id { get; set; }
    public required string Cccd { get; set; }
    public string? Cmnd { get; set; }
    public string? BhxhNumber { get; set; }
    public required string FullName { get; set; }
    public required string NameSearch { get; set; }
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Phone { get; set; }
    /// <summary>Province of birth registration, from the CCCD.</summary>
    public required string HomeProvinceCode { get; set; }
    public string? PermanentAddress { get; set; }
    /// <summary>Province whose registry holds the record (partition key at national scale).</summary>
    public required string ProvinceCode { get; set; }
    public int? CurrentEnterpriseId { get; set; }
    public Enterprise? CurrentEnterprise { get; set; }
    public int? CurrentLodgingHouseId { get; set; }
    public LodgingHouse? CurrentLodgingHouse { get; set; }
    public List<Employment> Employments { get; set; } = [];
    public List<Residence> Residences { get; set; } = [];
    public List<MovementEvent> Movements { get; set; } = [];

    public void Hire(int enterpriseId, DateOnly from, ContractType contract, string? workshop = null)
    {
        var current = Employments.FirstOrDefault(e => e.To is null);
        if (current is not null)
        {
            if (current.EnterpriseId == enterpriseId)
                throw new DomainException("Worker.AlreadyEmployedThere");
            if (from < current.From)
                throw new DomainException("Worker.DateBeforeCurrent");
            current.To = from;
            Movements.Add(new MovementEvent { Date = from, Kind = MovementKind.ChangedEmployer, EnterpriseId = enterpriseId, PreviousEnterpriseId = current.EnterpriseId });
        }
        else
        {
            Movements.Add(new MovementEvent { Date = from, Kind = MovementKind.Hired, EnterpriseId = enterpriseId });
        }
        Employments.Add(new Employment { EnterpriseId = enterpriseId, From = from, ContractType = contract, Workshop = workshop });
        CurrentEnterpriseId = enterpriseId;
    }

    public void Leave(DateOnly on)
    {
        var current = Employments.FirstOrDefault(e => e.To is null) ?? throw new DomainException("Worker.NotEmployed");
        if (on < current.From)
            throw new DomainException("Worker.DateBeforeCurrent");
        current.To = on;
        Movements.Add(new MovementEvent { Date = on, Kind = MovementKind.Left, PreviousEnterpriseId = current.EnterpriseId });
        CurrentEnterpriseId = null;
    }

    public void MoveLodging(int? lodgingHouseId, DateOnly from, string? room = null)
    {
        var current = Residences.FirstOrDefault(r => r.To is null);
        if (current is not null)
        {
            if (current.LodgingHouseId == lodgingHouseId)
                throw new DomainException("Worker.AlreadyLivesThere");
            if (from < current.From)
                throw new DomainException("Worker.DateBeforeCurrent");
            current.To = from;
        }
        if (lodgingHouseId is int id)
        {
            Residences.Add(new Residence { LodgingHouseId = id, From = from, Room = room });
            Movements.Add(new MovementEvent { Date = from, Kind = MovementKind.MovedLodging, LodgingHouseId = id, PreviousLodgingHouseId = current?.LodgingHouseId });
        }
        else if (current is not null)
        {
            Movements.Add(new MovementEvent { Date = from, Kind = MovementKind.LeftLodging, PreviousLodgingHouseId = current.LodgingHouseId });
        }
        CurrentLodgingHouseId = lodgingHouseId;
    }
}

public sealed class Employment
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public ContractType ContractType { get; set; }
    public string? Workshop { get; set; }
    /// <summary>Months on the compulsory social-insurance list at this employer.</summary>
    public int InsuredMonths { get; set; }
}

public sealed class Residence
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public int LodgingHouseId { get; set; }
    public LodgingHouse? LodgingHouse { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Room { get; set; }
}

public sealed class MovementEvent
{
    public long Id { get; set; }
    public int WorkerId { get; set; }
    public DateOnly Date { get; set; }
    public MovementKind Kind { get; set; }
    public int? EnterpriseId { get; set; }
    public int? PreviousEnterpriseId { get; set; }
    public int? LodgingHouseId { get; set; }
    public int? PreviousLodgingHouseId { get; set; }
}
