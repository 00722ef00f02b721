using System.Text.Json;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Registry.Demo;

/// <summary>Loads the invented demo province: Bắc Giang's places and zones as in May 2021, about 380 enterprises,
/// 3,000 lodging houses and any number of workers with their histories. The same seed gives the same rows on every
/// machine; everything is written in one transaction, in bulk, with one audit event.</summary>
public static class DemoSeeder
{
    public const int Seed = 20210518;   // the day four zones were suspended
    private const int ChunkSize = 20_000;

    public static async Task<IReadOnlyDictionary<string, long>> SeedAsync(IServiceProvider services, int workers, bool reset = false, int scaleCases = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        var db = services.GetRequiredService<LachanDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await using var tuning = await SqliteLoadTuning.ApplyAsync(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        // one transaction of set-based statements over the whole province: some run longer than the 30-second default
        db.Database.SetCommandTimeout(BulkWriter.StatementTimeout);
        if (reset) await DeleteDemoAsync(db, services);
        else if (await db.Set<AdminUnit>().AnyAsync() || await db.Set<Enterprise>().AnyAsync() || await db.Set<Worker>().AnyAsync())
            throw new InvalidOperationException("The registry already has data; seed with reset to replace it.");

        var rng = new Random(Seed);
        var names = new DemoNames();
        var ids = new DemoIdentities();
        var enterprises = DemoEnterprises.Generate(rng, ids);
        var lodging = new DemoLodging(rng, names, ids);
        var generator = new DemoWorkers(rng, names, ids, enterprises, lodging, workers);

        await using var bulk = BulkWriter.Begin(db);
        await bulk.DeferIndexesAsync([typeof(Worker), typeof(WorkerNameWord), typeof(Employment), typeof(Residence), typeof(MovementEvent)]);
        var counts = new Dictionary<string, long>
        {
            ["adminUnits"] = await bulk.WriteAsync(DemoPlaces.AdminUnits()),
            ["industrialZones"] = await bulk.WriteAsync(DemoEnterprises.Zones()),
            ["enterprises"] = await bulk.WriteAsync(enterprises.Select(e => e.Entity)),
            ["enterpriseStatusChanges"] = await bulk.WriteAsync(enterprises.SelectMany(e => e.Entity.StatusHistory)),
            ["landlords"] = await bulk.WriteAsync(lodging.Landlords),
            ["lodgingHouses"] = await bulk.WriteAsync(lodging.Houses),
            ["workers"] = 0, ["employments"] = 0, ["residences"] = 0, ["movementEvents"] = 0,
        };
        // One thread generates the next chunk while this one writes the last: the output is the same (generation
        // stays sequential), the two cores are both used, and at most two chunks are in memory.
        var chunks = System.Threading.Channels.Channel.CreateBounded<DemoWorkers.Chunk>(1);
        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var c in generator.Generate(ChunkSize)) await chunks.Writer.WriteAsync(c, stop.Token);
                chunks.Writer.Complete();
            }
            catch (Exception e) { chunks.Writer.Complete(e); }   // the reader rethrows it
        });
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
            {
                counts["workers"] += await bulk.WriteAsync(chunk.Workers);
                await bulk.WriteAsync(chunk.Workers.SelectMany(w => NameWords.Rows(w.Id, w.FullName)));
                counts["employments"] += await bulk.WriteAsync(chunk.Employments);
                counts["residences"] += await bulk.WriteAsync(chunk.Residences);
                counts["movementEvents"] += await bulk.WriteAsync(chunk.Movements);
                logger.LogDebug("Demo seed: {Workers} workers written after {Seconds:F1} s", counts["workers"], clock.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            await stop.CancelAsync();   // a failed write must not leave the generator waiting
        }
        logger.LogDebug("Demo seed: rows written after {Seconds:F1} s; rebuilding indexes", clock.Elapsed.TotalSeconds);
        await bulk.CompleteAsync();
        // Every other module's part of the story, on the registry just written, in the same transaction.
        var request = new DemoRequest(workers, scaleCases);
        foreach (var part in services.GetServices<IDemoData>().OrderBy(d => d.Order))
        {
            var started = clock.Elapsed;
            foreach (var (name, count) in await part.SeedAsync(request, CancellationToken.None))
                counts[name] = count;
            logger.LogInformation("Demo seed: {Part} in {Seconds:F1} s", part.GetType().Name, (clock.Elapsed - started).TotalSeconds);
        }

        var summary = JsonSerializer.Serialize(counts);
        db.AuditEvents.Add(new AuditEvent
        {
            At = AuditChain.Now(time), UserName = "system", Action = "seed", EntityType = "DemoProvince",
            EntityId = DemoProvince.ProvinceCode, After = summary,
        });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        logger.LogInformation("Demo province loaded in {Seconds:F1} s: {Counts}", clock.Elapsed.TotalSeconds, summary);
        return counts;
    }

    /// <summary>The registry's tables and everything that refers to them; the modules first empty what their demo wrote
    /// that does not (<see cref="IDemoData.ResetAsync"/>), so a second seed finds no earlier receipt, ticket or zone.</summary>
    private static async Task DeleteDemoAsync(LachanDb db, IServiceProvider services)
    {
        foreach (var part in services.GetServices<IDemoData>().OrderByDescending(d => d.Order))
            await part.ResetAsync(CancellationToken.None);
        await TableReset.DeleteWithDependentsAsync(db, [typeof(MovementEvent), typeof(Residence), typeof(Employment), typeof(Worker), typeof(EnterpriseStatusChange),
            typeof(Enterprise), typeof(LodgingHouse), typeof(Landlord), typeof(IndustrialZone), typeof(AdminUnit)]);
    }
}
