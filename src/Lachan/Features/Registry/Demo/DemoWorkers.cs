using Lachan.Features.Registry.Contracts;

namespace Lachan.Features.Registry.Demo;

/// <summary>Generates workers in chunks, each with a consistent history: a current employment (one in five also an
/// earlier one, ended the day the current one began), lodging for most of those from other provinces, and the
/// movement events that tell the same story. Ids are assigned here, so related rows can be written in bulk.</summary>
internal sealed partial class DemoWorkers
{
    /// <summary>The registry is a picture of the province on the eve of the outbreak: nothing starts after this day.</summary>
    public static readonly DateOnly LastDay = new(2021, 4, 30);
    private static readonly DateOnly FirstHire = new(2012, 1, 1);

    private static readonly string[] Workshops =
        [.. Enumerable.Range(1, 8).Select(i => $"Xưởng {i}"), .. Enumerable.Range(1, 40).Select(i => $"Chuyền {i}"), .. Enumerable.Range(1, 12).Select(i => $"Tổ {i}"),
         "Bộ phận SMT", "Bộ phận lắp ráp", "Bộ phận kiểm tra chất lượng", "Bộ phận đóng gói", "Kho vận", "Bảo trì"];
    private static readonly string[] GarmentWorkshops =
        [.. Enumerable.Range(1, 30).Select(i => $"Chuyền may {i}"), "Tổ cắt", "Tổ là", "Tổ hoàn thiện", "Tổ kiểm hàng", "Kho nguyên liệu"];

    public sealed record Chunk(List<Worker> Workers, List<Employment> Employments, List<Residence> Residences, List<MovementEvent> Movements);

    private readonly Random rng;
    private readonly DemoNames names;
    private readonly DemoIdentities ids;
    private readonly IReadOnlyList<DemoEnterprise> enterprises;
    private readonly DemoLodging lodging;
    private readonly int[] slots;
    private readonly Weighted<DemoPlaces.Commune>?[] lodgingNear;
    private int workerId, employmentId, residenceId;
    private long movementId;

    public DemoWorkers(Random rng, DemoNames names, DemoIdentities ids, IReadOnlyList<DemoEnterprise> enterprises, DemoLodging lodging, int total)
    {
        (this.rng, this.names, this.ids, this.enterprises, this.lodging) = (rng, names, ids, enterprises, lodging);
        slots = Slots(rng, enterprises, total);
        lodgingNear = [.. enterprises.Select(e => LodgingNear(e, lodging))];
    }

    /// <summary>One entry per worker: the index of the employer, headcounts in proportion to the enterprises' sizes
    /// (every enterprise gets someone when there are enough workers), in shuffled order.</summary>
    private static int[] Slots(Random rng, IReadOnlyList<DemoEnterprise> enterprises, int total)
    {
        var counts = DemoEnterprises.Apportion([.. enterprises.Select(e => (long)e.Size)], total);
        for (var i = 0; total >= enterprises.Count && i < counts.Length; i++)
            if (counts[i] == 0) { counts[Array.IndexOf(counts, counts.Max())]--; counts[i] = 1; }
        var slots = new int[total];
        for (int e = 0, k = 0; e < counts.Length; e++)
            for (var j = 0; j < counts[e]; j++) slots[k++] = e;
        for (var i = total - 1; i > 0; i--) { var j = rng.Next(i + 1); (slots[i], slots[j]) = (slots[j], slots[i]); }
        return slots;
    }

    public IEnumerable<Chunk> Generate(int chunkSize)
    {
        for (var start = 0; start < slots.Length; start += chunkSize)
        {
            var n = Math.Min(chunkSize, slots.Length - start);
            var chunk = new Chunk(new(n), new(n * 6 / 5), new(n * 4 / 5), new(n * 2));
            for (var i = start; i < start + n; i++) Add(chunk, enterprises[slots[i]], slots[i]);
            yield return chunk;
        }
    }

    private void Add(Chunk chunk, DemoEnterprise employer, int employerIndex)
    {
        var sex = rng.Next(100) < 62 ? Sex.Female : Sex.Male;   // the zones' electronics and garment lines employ mostly women
        var dob = BirthDate();
        var home = DemoIdentities.HomeProvince.Pick(rng);
        var (fullName, search) = names.Next(rng, sex);
        var worker = new Worker
        {
            Id = ++workerId, FullName = fullName, NameSearch = search, Sex = sex, DateOfBirth = dob,
            Cccd = ids.Cccd(rng, home, sex, dob), HomeProvinceCode = home, ProvinceCode = DemoProvince.ProvinceCode,
            Phone = rng.Next(100) < 97 ? ids.Phone(rng) : null,
            BhxhNumber = rng.Next(10) < 9 ? ids.Bhxh(rng, home) : null,
            Cmnd = rng.Next(10) < 3 ? ids.Cmnd(rng, home) : null,
            PermanentAddress = ids.PermanentAddress(rng, home),
        };
        chunk.Workers.Add(worker);
        var adult = dob.AddYears(18);
        var from = Between(Max(employer.Since, adult, FirstHire), LastDay);

        // An earlier employer, where the dates allow one.
        DemoEnterprise? previous = null;
        var previousFrom = default(DateOnly);
        if (rng.Next(100) < 27)
        {
            var other = slots[rng.Next(slots.Length)];
            var lo = Max(enterprises[other].Since, adult, FirstHire);
            if (other != employerIndex && from.DayNumber - lo.DayNumber >= 90)
            {
                previous = enterprises[other];
                previousFrom = lo.AddDays(rng.Next(from.DayNumber - lo.DayNumber - 60));
            }
        }
        var events = new List<MovementEvent>(4);
        if (previous is not null)
        {
            chunk.Employments.Add(Employment(worker, previous, previousFrom, from, rng.Next(10) switch { 0 => ContractType.Seasonal, 1 => ContractType.Indefinite, _ => ContractType.Definite }));
            events.Add(new() { WorkerId = worker.Id, Date = previousFrom, Kind = MovementKind.Hired, EnterpriseId = previous.Entity.Id });
            events.Add(new() { WorkerId = worker.Id, Date = from, Kind = MovementKind.ChangedEmployer, EnterpriseId = employer.Entity.Id, PreviousEnterpriseId = previous.Entity.Id });
        }
        else
        {
            events.Add(new() { WorkerId = worker.Id, Date = from, Kind = MovementKind.Hired, EnterpriseId = employer.Entity.Id });
        }
        var tenure = LastDay.DayNumber - from.DayNumber;
        var contract = tenure < 60 ? ContractType.Probation
            : tenure > 3 * 365 ? (rng.Next(5) == 0 ? ContractType.Definite : ContractType.Indefinite)
            : rng.Next(10) == 0 ? ContractType.Seasonal : ContractType.Definite;
        chunk.Employments.Add(Employment(worker, employer, from, null, contract));
        worker.CurrentEnterpriseId = employer.Entity.Id;

        AddLodging(chunk, worker, events, employerIndex, from, previous, previousFrom);
        events.Sort((a, b) => a.Date.CompareTo(b.Date) is var c && c != 0 ? c : a.Kind.CompareTo(b.Kind));
        foreach (var e in events) { e.Id = ++movementId; chunk.Movements.Add(e); }
    }

    private Employment Employment(Worker worker, DemoEnterprise at, DateOnly from, DateOnly? to, ContractType contract) => new()
    {
        Id = ++employmentId, WorkerId = worker.Id, EnterpriseId = at.Entity.Id, From = from, To = to, ContractType = contract,
        Workshop = at.Entity.Sector == "May mặc" ? GarmentWorkshops[rng.Next(GarmentWorkshops.Length)] : Workshops[rng.Next(Workshops.Length)],
        // Insured from the first month at this employer until it ended (or the snapshot), when the person has a number at all.
        InsuredMonths = worker.BhxhNumber is null ? 0 : Months(from, to ?? LastDay.AddDays(1)),
    };

    /// <summary>Mostly 1985–2000, some older, a few just of age; nobody under 18 on the last day.</summary>
    private DateOnly BirthDate()
    {
        var r = rng.Next(100);
        var year = r < 75 ? 1985 + rng.Next(16) : r < 90 ? 1965 + rng.Next(20) : 2001 + rng.Next(3);
        var dob = DemoEnterprises.RandomDate(rng, new(year, 1, 1), new(year, 12, 31));
        return dob <= LastDay.AddYears(-18) ? dob : DemoEnterprises.RandomDate(rng, new(2003, 1, 1), LastDay.AddYears(-18));
    }

    private DateOnly Between(DateOnly lo, DateOnly hi) => lo >= hi ? hi : DemoEnterprises.RandomDate(rng, lo, hi);

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b, DateOnly c) => a > b ? (a > c ? a : c) : (b > c ? b : c);
    private static int Months(DateOnly from, DateOnly to) =>
        Math.Max(0, (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0));
}
