using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Outbreak.Cases;

/// <summary>Health records through the one access decision (Jurisdiction): the Health area for the right to see them,
/// and the worker's jurisdiction for which ones. A record outside either is simply not found.</summary>
public sealed class CaseScope(LachanDb db, Jurisdiction scope)
{
    public bool CanRead => scope.Can(OutbreakAreas.Health, Access.Read);
    public bool CanWrite => scope.Can(OutbreakAreas.Health, Access.Write);

    public IQueryable<Worker> Workers() => CanRead ? scope.Workers(db.Set<Worker>()) : db.Set<Worker>().Where(_ => false);

    /// <summary>Cases of workers who were in the jurisdiction on the confirmation date: a case belongs to the zone, enterprise
    /// or commune where the worker was then, whatever their employer or lodging today.</summary>
    public IQueryable<Case> Cases() => CanRead
        ? scope.OfWorkersOn(db.Set<Case>(), c => c.Worker, c => c.ConfirmedOn)
        : db.Set<Case>().Where(_ => false);

    /// <summary>Contacts of cases the user may see (the contact's own worker is filtered by the caller where shown).</summary>
    public IQueryable<Contact> Contacts()
    {
        var visible = Cases();
        return db.Set<Contact>().Where(x => visible.Any(c => c.Id == x.CaseId));
    }

    public IQueryable<QuarantineOrder> Orders()
    {
        var workers = Workers();
        return db.Set<QuarantineOrder>().Where(o => workers.Any(w => w.Id == o.WorkerId));
    }
}
