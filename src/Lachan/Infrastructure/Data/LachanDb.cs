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
            e.HasIndex(x => x.Seq).IsUnique();   // the chain's order; also finds the unlinked (null) events
        });
    }

    private const string AuditSavepoint = "lachan_audit_events";

    /// <summary>Audit events were saved inside a transaction that has not ended yet: its commit nudges the linker.</summary>
    internal bool AuditEventsAwaitCommit { get; set; }

    /// <summary>Audit events added in this unit of work are written in the same transaction as the change they describe:
    /// both are written, or neither. They are linked onto the chain after the commit (<see cref="AuditLinker"/>, ADR-0024).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        int n;
        if (pending.Count == 1)
            n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        else
        {
            // One event per insert: EF may insert several added rows of a table in any order, and the linker chains them
            // in id order, so events saved together could otherwise be chained against the order they were recorded in.
            // One savepoint for all of it in a caller's transaction (as EF makes for one save), none in our own: a failed
            // insert rolls our own back anyway, and a savepoint per insert would add two round trips each.
            var ownTx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var callerTx = ownTx is null && Database.AutoSavepointsEnabled ? Database.CurrentTransaction : null;
            var savepoints = Database.AutoSavepointsEnabled;
            Database.AutoSavepointsEnabled = false;
            await using (ownTx)
            try
            {
                if (callerTx is not null) await callerTx.CreateSavepointAsync(AuditSavepoint, cancellationToken);
                foreach (var e in pending.Skip(1)) Entry(e).State = EntityState.Detached;
                n = 0;
                try
                {
                    foreach (var e in pending)
                    {
                        if (Entry(e).State == EntityState.Detached) AuditEvents.Add(e);
                        n += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                    }
                }
                catch when (callerTx is not null)
                {
                    await callerTx.RollbackToSavepointAsync(AuditSavepoint, CancellationToken.None);
                    throw;
                }
                if (callerTx is not null) await callerTx.ReleaseSavepointAsync(AuditSavepoint, cancellationToken);
                if (ownTx is not null) await ownTx.CommitAsync(cancellationToken);
            }
            finally
            {
                Database.AutoSavepointsEnabled = savepoints;
            }
        }
        // committed now unless a caller's transaction is open; then its commit nudges (AuditCommitInterceptor)
        if (Database.CurrentTransaction is null) AuditLinker.Of(this)?.Nudge();
        else AuditEventsAwaitCommit = true;
        return n;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}

public sealed class SqliteLachanDb(DbContextOptions<SqliteLachanDb> options) : LachanDb(options);

public sealed class PostgresLachanDb(DbContextOptions<PostgresLachanDb> options) : LachanDb(options);
