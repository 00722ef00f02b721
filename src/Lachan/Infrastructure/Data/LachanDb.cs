using Lachan.Features.Registry.Model;
using Lachan.Infrastructure.Audit;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Data;

/// <summary>The one EF model. Provider-specific subclasses exist only to hold each provider's migrations.</summary>
public class LachanDb(DbContextOptions options) : IdentityDbContext<LachanUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<IndustrialZone> IndustrialZones => Set<IndustrialZone>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseStatusChange> EnterpriseStatusChanges => Set<EnterpriseStatusChange>();
    public DbSet<Landlord> Landlords => Set<Landlord>();
    public DbSet<LodgingHouse> LodgingHouses => Set<LodgingHouse>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Employment> Employments => Set<Employment>();
    public DbSet<Residence> Residences => Set<Residence>();
    public DbSet<MovementEvent> MovementEvents => Set<MovementEvent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Features.Rosters.RosterImport> RosterImports => Set<Features.Rosters.RosterImport>();
    public DbSet<Features.Rosters.RosterMapping> RosterMappings => Set<Features.Rosters.RosterMapping>();
    public DbSet<Features.Outbreak.Zones.ControlZone> ControlZones => Set<Features.Outbreak.Zones.ControlZone>();
    public DbSet<Features.Outbreak.Zones.ZoneOrder> ZoneOrders => Set<Features.Outbreak.Zones.ZoneOrder>();
    public DbSet<Features.Outbreak.Zones.ZoneOrderScan> ZoneOrderScans => Set<Features.Outbreak.Zones.ZoneOrderScan>();
    public DbSet<Features.Outbreak.Cases.Case> Cases => Set<Features.Outbreak.Cases.Case>();
    public DbSet<Features.Outbreak.Cases.Contact> Contacts => Set<Features.Outbreak.Cases.Contact>();
    public DbSet<Features.Outbreak.Cases.QuarantineRule> QuarantineRules => Set<Features.Outbreak.Cases.QuarantineRule>();
    public DbSet<Features.Outbreak.Cases.QuarantineOrder> QuarantineOrders => Set<Features.Outbreak.Cases.QuarantineOrder>();
    public DbSet<Features.Outbreak.Testing.TestSample> TestSamples => Set<Features.Outbreak.Testing.TestSample>();
    public DbSet<Features.Outbreak.Testing.SampleMember> SampleMembers => Set<Features.Outbreak.Testing.SampleMember>();
    public DbSet<Features.Outbreak.Testing.PoolRule> PoolRules => Set<Features.Outbreak.Testing.PoolRule>();
    public DbSet<Features.Outbreak.Testing.ScreeningSchedule> ScreeningSchedules => Set<Features.Outbreak.Testing.ScreeningSchedule>();
    public DbSet<Features.Outbreak.Testing.ScreeningRule> ScreeningRules => Set<Features.Outbreak.Testing.ScreeningRule>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    // Every context, the tests' and the tools' too, keeps the name words of the workers it saves.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(Features.Registry.Workers.NameWordsInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var b = builder;
        Features.Outbreak.Zones.ZoneControlModel.Configure(b);

        b.Entity<LachanUser>(e =>
        {
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(u => u.ScopeCode).HasMaxLength(32);
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<LachanUser>().WithMany().HasForeignKey(t => t.UserId);
        });

        b.Entity<AdminUnit>(e =>
        {
            e.HasKey(u => u.Code);
            e.Property(u => u.Code).HasMaxLength(16);
            e.Property(u => u.Name).HasMaxLength(100);
            e.Property(u => u.Kind).HasMaxLength(20);
            e.Property(u => u.ParentCode).HasMaxLength(16);
            e.HasIndex(u => u.ParentCode);
        });
        b.Entity<IndustrialZone>(e =>
        {
            e.HasIndex(z => z.Code).IsUnique();
            e.Property(z => z.Code).HasMaxLength(16);
            e.Property(z => z.Name).HasMaxLength(200);
            e.Property(z => z.AreaHectares).HasPrecision(9, 2);
            e.Property(z => z.DistrictCode).HasMaxLength(16);
            e.Property(z => z.ProvinceCode).HasMaxLength(3);
        });
        b.Entity<Enterprise>(e =>
        {
            e.HasIndex(x => x.TaxCode).IsUnique();
            e.HasIndex(x => x.NameSearch);
            e.HasIndex(x => x.IndustrialZoneId);
            e.Property(x => x.TaxCode).HasMaxLength(14);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.NameSearch).HasMaxLength(300);
            e.Property(x => x.CommuneCode).HasMaxLength(16);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.HasIndex(x => x.DistrictCode);
            e.Property(x => x.ProvinceCode).HasMaxLength(3);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Sector).HasMaxLength(100);
            e.Property(x => x.ContactPhone).HasMaxLength(15);
            e.HasMany(x => x.StatusHistory).WithOne().HasForeignKey(s => s.EnterpriseId);
        });
        b.Entity<EnterpriseStatusChange>().Property(s => s.Reason).HasMaxLength(500);
        b.Entity<Landlord>(e =>
        {
            e.Property(x => x.FullName).HasMaxLength(100);
            e.Property(x => x.NameSearch).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(15);
            e.Property(x => x.Cccd).HasMaxLength(12);
        });
        b.Entity<LodgingHouse>(e =>
        {
            e.HasIndex(x => x.CommuneCode);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NameSearch).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.CommuneCode).HasMaxLength(16);
            e.Property(x => x.DistrictCode).HasMaxLength(16);
            e.HasIndex(x => x.DistrictCode);
            e.Property(x => x.ProvinceCode).HasMaxLength(3);
        });
        b.Entity<Worker>(e =>
        {
            e.HasIndex(x => x.Cccd).IsUnique();
            // Name search is a range on (province, name key): the count and the first page come from the index alone.
            e.HasIndex(x => new { x.ProvinceCode, x.NameSearch });
            e.HasIndex(x => x.Phone);
            e.HasIndex(x => x.Cmnd);
            e.HasIndex(x => x.BhxhNumber);
            // With the province code, the index covers "current workers per enterprise / lodging house" for a
            // province-wide user (GROUP BY over the index alone: ~30 ms instead of ~500 ms at 300,000 workers).
            e.HasIndex(x => new { x.CurrentEnterpriseId, x.ProvinceCode });
            e.HasIndex(x => new { x.CurrentLodgingHouseId, x.ProvinceCode });
            e.Property(x => x.Cccd).HasMaxLength(12);
            e.Property(x => x.Cmnd).HasMaxLength(12);
            e.Property(x => x.BhxhNumber).HasMaxLength(10);
            e.Property(x => x.FullName).HasMaxLength(100);
            e.Property(x => x.NameSearch).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(15);
            e.Property(x => x.HomeProvinceCode).HasMaxLength(3);
            e.Property(x => x.ProvinceCode).HasMaxLength(3);
            e.Property(x => x.PermanentAddress).HasMaxLength(300);
            e.HasMany(x => x.Employments).WithOne().HasForeignKey(x => x.WorkerId);
            e.HasMany(x => x.Residences).WithOne().HasForeignKey(x => x.WorkerId);
            e.HasMany(x => x.Movements).WithOne().HasForeignKey(x => x.WorkerId);
        });
        // "Who works and lives where on day D" (an enterprise's workers, who is affected by an order) reads these
        // indexes alone: both ends of the period and the other side of the link are in them, no table row is read.
        b.Entity<Employment>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.To, x.From, x.WorkerId });
            e.HasIndex(x => new { x.WorkerId, x.To, x.From, x.EnterpriseId });
            e.Property(x => x.Workshop).HasMaxLength(100);
        });
        b.Entity<Residence>(e =>
        {
            e.HasIndex(x => new { x.LodgingHouseId, x.To, x.From, x.WorkerId });
            e.HasIndex(x => new { x.WorkerId, x.To, x.From, x.LodgingHouseId });
            e.Property(x => x.Room).HasMaxLength(20);
        });
        b.ApplyConfiguration(new Features.Registry.Workers.WorkerNameWordConfiguration(IsPostgres));
        // Search keys compare by code point on both providers (SQLite's default BINARY; "C" on PostgreSQL),
        // so "all names starting with k" is the index range [k, k + U+FFFF).
        if (IsPostgres)
            foreach (var p in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.Name == "NameSearch"))
                p.SetCollation("C");

        b.Entity<Features.Rosters.RosterImport>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.FileHash });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.Property(x => x.StoredPath).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.ErrorCode).HasMaxLength(64);
        });
        b.Entity<Features.Rosters.RosterMapping>(e =>
        {
            e.HasIndex(x => new { x.EnterpriseId, x.HeaderKey }).IsUnique();
            e.Property(x => x.HeaderKey).HasMaxLength(200);
            e.Property(x => x.Field).HasConversion<string>().HasMaxLength(32);
        });

        Features.Outbreak.Cases.CasesModel.Configure(b);
        Features.Outbreak.Testing.TestingModel.Configure(b);

        b.Entity<AuditEvent>(e =>
        {
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.EntityType).HasMaxLength(64);
            e.Property(x => x.EntityId).HasMaxLength(64);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
    }

    private static readonly SemaphoreSlim SqliteAuditGate = new(1, 1);

    /// <summary>Audit events added in this unit of work are chained to the last stored one inside the same
    /// transaction as the change they describe: both are written, or neither.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // SQLite serialises writers per file but not our read-then-write of the last hash; one process owns the file.
        var gate = IsPostgres ? null : SqliteAuditGate;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            var ownTx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            await using (ownTx)
            {
                if (IsPostgres) // several app nodes may append at once: take the chain's lock for this transaction
                    await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270521)", cancellationToken);
                var last = await AuditEvents.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? "";
                // One event per save: EF may insert several added rows of a table in any order, and the chain is
                // verified in id order, so events saved together could get ids against their links.
                foreach (var e in pending.Skip(1)) Entry(e).State = EntityState.Detached;
                var n = 0;
                foreach (var e in pending)
                {
                    if (Entry(e).State == EntityState.Detached) AuditEvents.Add(e);
                    e.PrevHash = last;
                    e.Hash = AuditChain.ComputeHash(e);
                    last = e.Hash;
                    n += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                if (ownTx is not null) await ownTx.CommitAsync(cancellationToken);
                return n;
            }
        }
        finally
        {
            gate?.Release();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}

public sealed class SqliteLachanDb(DbContextOptions<SqliteLachanDb> options) : LachanDb(options);

public sealed class PostgresLachanDb(DbContextOptions<PostgresLachanDb> options) : LachanDb(options);
