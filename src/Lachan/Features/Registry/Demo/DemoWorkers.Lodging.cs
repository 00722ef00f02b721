using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Registry.Demo;

/// <summary>The lodging side of a worker's history: where people rent rooms, and when they moved.</summary>
internal sealed partial class DemoWorkers
{
    private static readonly string[] RoomLabels = [.. Enumerable.Range(1, 40).Select(i => $"P.{i:00}")];

    private static Weighted<DemoPlaces.Commune>? LodgingNear(DemoEnterprise e, DemoLodging lodging)
    {
        if (e.Zone is not null) return new(e.Zone.LodgingNear);
        var sameDistrict = DemoPlaces.LodgingCommunes.Where(c => c.Commune.DistrictCode == e.Commune.DistrictCode && lodging.HasHousesIn(c.Commune.Code)).ToList();
        return sameDistrict.Count == 0 ? null : new(sameDistrict.Select(c => (c.Commune, c.Houses)));
    }

    /// <summary>Most workers from other provinces rent a room near their factory; fewer locals do. Some moved once:
    /// from near an earlier employer, or between houses.</summary>
    private void AddLodging(Chunk chunk, Worker worker, List<MovementEvent> events, int employerIndex, DateOnly from, DemoEnterprise? previous, DateOnly previousFrom)
    {
        var near = lodgingNear[employerIndex];
        if (near is null || rng.Next(100) >= (worker.HomeProvinceCode == "024" ? 50 : 86)) return;
        LodgingHouse? first = null, second = null;
        DateOnly firstFrom, secondFrom = default;
        var previousNear = previous is null ? null : lodgingNear[previous.Entity.Id - 1];
        if (previousNear is not null && rng.Next(2) == 0)
        {
            first = lodging.PickIn(rng, previousNear.Pick(rng).Code);
            firstFrom = Earlier(previousFrom.AddDays(rng.Next(30)), LastDay);
            second = lodging.PickIn(rng, near.Pick(rng).Code);
            secondFrom = Earlier(from.AddDays(rng.Next(30)), LastDay);
        }
        else
        {
            first = lodging.PickIn(rng, near.Pick(rng).Code);
            firstFrom = Earlier((previous is null ? from : previousFrom).AddDays(rng.Next(45)), LastDay);
            if (rng.Next(100) < 20)
            {
                second = lodging.PickIn(rng, near.Pick(rng).Code);
                secondFrom = firstFrom.AddDays(60 + rng.Next(Math.Max(1, LastDay.DayNumber - firstFrom.DayNumber)));
            }
        }
        if (second is not null && (second.Id == first!.Id || secondFrom <= firstFrom || secondFrom > LastDay)) second = null;
        chunk.Residences.Add(Residence(worker, first!, firstFrom, second is null ? null : secondFrom));
        events.Add(new() { WorkerId = worker.Id, Date = firstFrom, Kind = MovementKind.MovedLodging, LodgingHouseId = first!.Id });
        worker.CurrentLodgingHouseId = first.Id;
        if (second is null) return;
        chunk.Residences.Add(Residence(worker, second, secondFrom, null));
        events.Add(new() { WorkerId = worker.Id, Date = secondFrom, Kind = MovementKind.MovedLodging, LodgingHouseId = second.Id, PreviousLodgingHouseId = first.Id });
        worker.CurrentLodgingHouseId = second.Id;
    }

    private Residence Residence(Worker worker, LodgingHouse house, DateOnly from, DateOnly? to) => new()
    {
        Id = ++residenceId, WorkerId = worker.Id, LodgingHouseId = house.Id, From = from, To = to,
        Room = RoomLabels[rng.Next(Math.Min(house.Rooms, RoomLabels.Length))],
    };
}
