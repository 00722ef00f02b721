using Lachan.Infrastructure.Data;
using Quartz;

namespace Lachan.Infrastructure.Jobs;

/// <summary>Background jobs in the database (Quartz.NET's ADO job store, ADR-0015): a job survives a restart, runs on
/// one node of several sharing a PostgreSQL database (clustered store), and a job that a shutdown interrupts is handed
/// back and run again, here or on another node. The qrtz_ tables come with the EF migrations (DurableJobs).</summary>
public static class JobsModule
{
    /// <summary>One name for every node: the nodes of one database form one cluster.</summary>
    public const string SchedulerName = "Lachan";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        var provider = DataModule.Provider(config);
        var cs = config.GetConnectionString("Lachan") is { Length: > 0 } c ? c : DataModule.DefaultSqlite;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName; // each node's instance id is generated (UseClustering)
                // A stopping node asks its running jobs to stop (they roll back) and waits for them; the store then
                // keeps each for recovery (RecoverFiringsCancelledByShutdown below) instead of losing it.
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            // Two at a time, as before: a long commit does not hold up another user's preview.
            q.UseDefaultThreadPool(config.GetValue("Jobs:Workers", 2));
            Audit.AuditAnchorJob.Schedule(q, config);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true; // job data readable in the table, no type names stored
                    o.RecoverFiringsCancelledByShutdown = true;
                });
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(cs);
                    store.UseClustering(cl =>
                    {
                        // How soon the others take over the jobs of a node that died without stopping.
                        cl.CheckinInterval = TimeSpan.FromSeconds(config.GetValue("Jobs:CheckinSeconds", 7.5));
                        cl.CheckinMisfireThreshold = cl.CheckinInterval * 2;
                    });
                }
                else
                    store.UseSqlite(cs); // one process per SQLite file: no cluster (Quartz refuses one on SQLite)
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
