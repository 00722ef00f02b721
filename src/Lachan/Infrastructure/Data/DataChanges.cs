using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Infrastructure.Data;

/// <summary>Numbers that move whenever this app writes records (not the audit trail or the job store) and again when
/// such a write commits: one for all tables (<see cref="Version"/>) and one per table. An answer counted from the records
/// can then be kept under the numbers of the tables it read (<see cref="StartReading"/>): a write to one of them makes a
/// new number and the kept answer is not used again, while a write to any other table leaves it be (ADR-0023). Another
/// process's writes do not move them; whoever keeps answers bounds their age as well. One per app (a singleton): the
/// app's interceptor holds it, so a write command finds it without asking the context's services; the bulk writer
/// finds it once per writer (<see cref="Of"/>).</summary>
public sealed partial class DataChanges
{
    private long version;
    private readonly ConcurrentDictionary<string, long> tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> uncommitted = [];
    private static readonly AsyncLocal<Reading?> reading = new();

    public long Version => Interlocked.Read(ref version);

    /// <summary>The app's counter for a context built by the app's services (none for a context made by hand).</summary>
    public static DataChanges? Of(DbContext? db) =>
        db is null ? null : AppServices.Of(db)?.GetService<DataChanges>();

    /// <summary>Rows of the table were written on this context (bulk writers and raw ADO.NET commands, which bypass
    /// EF's commands, say so themselves: <see cref="WrittenBy"/>).</summary>
    public void Written(DbContext? db, string table)
    {
        Bump(table);
        if (db?.Database.CurrentTransaction is not null)
            lock (uncommitted) uncommitted.GetOrCreateValue(db).Add(table);
    }

    /// <summary>The tables a statement writes, for a command run on the context's connection without EF.</summary>
    public void WrittenBy(DbContext? db, string sql)
    {
        foreach (var table in TablesWritten(sql)) Written(db, table);
    }

    internal void Committed(DbContext? db)
    {
        if (db is null) return;
        HashSet<string>? written;
        lock (uncommitted)
            if (!uncommitted.TryGetValue(db, out written) || !uncommitted.Remove(db)) return;
        foreach (var table in written) Bump(table);
    }

    private void Bump(string table)
    {
        tables.AddOrUpdate(table, 1, (_, n) => n + 1);
        Interlocked.Increment(ref version);
    }

    /// <summary>Records the tables that the queries of the current flow (and the tasks it starts) read until the reading
    /// is stopped; the numbers of all tables are taken first, so a write during the count leaves the answer under an old
    /// number. An inner reading takes over until it is disposed; its answer joins the outer one by <see cref="Include"/>.</summary>
    public Reading StartReading()
    {
        var r = new Reading(new Dictionary<string, long>(tables, StringComparer.OrdinalIgnoreCase), reading.Value);
        reading.Value = r;
        return r;
    }

    /// <summary>An answer counted earlier from these tables is part of the current reading's answer: it is kept under them
    /// too, at the numbers that answer was counted at (the older number where both read a table).</summary>
    public void Include(TablesStamp stamp, DateTimeOffset countedAt) => reading.Value?.Include(stamp, countedAt);

    /// <summary>True while no table of the stamp has been written since.</summary>
    public bool Unchanged(TablesStamp stamp) => stamp.Versions.All(t => tables.GetValueOrDefault(t.Key) == t.Value);

    /// <summary>The tables a query reads, for the current reading if any (the interceptor calls this for every command).</summary>
    internal static void Reads(string sql)
    {
        if (reading.Value is not { } r) return;
        foreach (Match m in ReadSource().Matches(sql)) r.Add(m.Groups["table"].Value);
    }

    public sealed class Reading(Dictionary<string, long> before, Reading? outer) : IDisposable
    {
        private readonly HashSet<string> read = new(StringComparer.OrdinalIgnoreCase);

        internal void Add(string table)
        {
            lock (read) read.Add(table);   // the scans of "who is affected" run on other threads, within this flow
        }

        /// <summary>When the oldest answer included in this one was counted (none: all of it is counted in this reading).</summary>
        public DateTimeOffset? OldestIncluded { get; private set; }

        internal void Include(TablesStamp stamp, DateTimeOffset countedAt)
        {
            lock (read)
            {
                if (OldestIncluded is not { } oldest || countedAt < oldest) OldestIncluded = countedAt;
                foreach (var (table, n) in stamp.Versions)
                {
                    read.Add(table);
                    before[table] = Math.Min(n, before.GetValueOrDefault(table));
                }
            }
        }

        /// <summary>The numbers, as they were when the reading started, of the tables read so far.</summary>
        public TablesStamp Stamp()
        {
            lock (read) return new(read.ToDictionary(t => t, t => before.GetValueOrDefault(t), StringComparer.OrdinalIgnoreCase));
        }

        public void Dispose()
        {
            if (reading.Value == this) reading.Value = outer;
        }
    }

    /// <summary>True when a command writes a table other than the audit trail's and the job store's.</summary>
    internal static bool WritesRecords(string sql) => TablesWritten(sql).Any();

    /// <summary>The tables a statement writes, less the audit trail's and the job store's (or every audited view would
    /// move them).</summary>
    internal static IEnumerable<string> TablesWritten(string sql)
    {
        foreach (Match m in WriteTarget().Matches(sql))
        {
            var table = m.Groups["table"].Value;
            if (!table.StartsWith("Audit", StringComparison.Ordinal) && !table.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)) yield return table;
        }
    }

    // an UPDATE only with its SET ("UPDATE t SET", "UPDATE t AS x SET", "UPDATE t x SET"): "FOR UPDATE" and
    // "ON CONFLICT DO UPDATE" name no table
    [GeneratedRegex("""(?:INSERT\s+INTO|DELETE\s+FROM)\s+"?(?<table>\w+)|UPDATE\s+"?(?<table>\w+)"?(?:\s+(?:AS\s+)?"?\w+"?)?\s+SET\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteTarget();

    // every table a statement names after FROM or JOIN (EF quotes them; a subquery's "FROM (" names none)
    [GeneratedRegex("""\b(?:FROM|JOIN)\s+"?(?<table>\w+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadSource();
}

/// <summary>The numbers of the tables an answer read, as they were before it was counted.</summary>
public sealed record TablesStamp(IReadOnlyDictionary<string, long> Versions);
