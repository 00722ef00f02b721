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
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";


    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var b = builder;
        // Each module's IEntityTypeConfiguration classes: a new module adds its tables without touching this file.
        b.ApplyConfigurationsFromAssembly(typeof(LachanDb).Assembly);

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

        // Search keys compare by code point on both providers (SQLite's default BINARY; "C" on PostgreSQL),
        // so "all names starting with k" is the index range [k, k + U+FFFF).
        CodePointOrder.Apply(b, IsPostgres);

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
            // In our own transaction a failed save rolls everything back anyway: EF's savepoint around each save would only
            // add two round trips while the chain's lock is held (every other audited write waits for it).
            var savepoints = Database.AutoSavepointsEnabled;
            if (ownTx is not null) Database.AutoSavepointsEnabled = false;
            await using (ownTx)
            try
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
            finally
            {
                Database.AutoSavepointsEnabled = savepoints;
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
