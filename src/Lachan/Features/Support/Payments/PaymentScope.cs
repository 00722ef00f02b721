using Lachan.Features.Support.Contracts;
using Lachan.Features.Support.Lists;
using Lachan.Infrastructure.Auth;

namespace Lachan.Features.Support.Payments;

/// <summary>Which batches a caller sees: the province all of its own, a district its district's, an enterprise its
/// own; only the province makes batches and files.</summary>
public sealed class PaymentScope(SupportActor j)
{
    public static PaymentScope For(SupportActor actor) => new(actor);

    public bool CanRead => j.Can(SupportAreas.Payments, Access.Read);
    public bool CanWrite => j.Can(SupportAreas.Payments, Access.Write) && j.IsProvinceWide;
    public string UserName => j.UserName;
    public string? Province => j.IsProvinceWide ? j.Scope : null;

    public IQueryable<PaymentBatch> Batches(IQueryable<PaymentBatch> q) => j.Role switch
    {
        _ when !CanRead => q.Where(_ => false),
        _ when j.IsProvinceWide => q.Where(b => b.ProvinceCode == j.Scope),
        Role.District => q.Where(b => b.DistrictCode == j.Scope),
        Role.EnterpriseHr => q.Where(b => b.TaxCode == j.Scope),
        _ => q.Where(_ => false),
    };
}
