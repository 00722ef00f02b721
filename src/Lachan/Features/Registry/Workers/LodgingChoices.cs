using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure.Data;

namespace Lachan.Features.Registry.Workers;

/// <summary>The lodging houses a caller may put a worker in. Who may read lodging picks among the houses it sees;
/// enterprise HR, which has no access to lodging, only among the houses where its own workers live now (ADR-0014):
/// the least that lets it register a newcomer beside colleagues without learning of any other house. A house outside
/// the choices answers exactly as a house that does not exist.</summary>
public sealed class LodgingChoices(LachanDb db, Jurisdiction scope)
{
    public IQueryable<LodgingHouse> Selectable()
    {
        if (scope.Can(RegistryAreas.Lodging, Access.Read)) return scope.LodgingHouses(db.Set<LodgingHouse>());
        if (scope.Role == Role.EnterpriseHr)
        {
            var lived = scope.Workers(db.Set<Worker>()).Where(w => w.CurrentLodgingHouseId != null).Select(w => w.CurrentLodgingHouseId!.Value);
            return db.Set<LodgingHouse>().Where(l => lived.Contains(l.Id));
        }
        return db.Set<LodgingHouse>().Where(_ => false);
    }
}
