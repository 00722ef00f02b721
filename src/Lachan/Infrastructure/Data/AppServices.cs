using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lachan.Infrastructure.Data;

public static class AppServices
{
    /// <summary>The application's services behind a context the app built (null for a context made by hand). The context's
    /// own provider is EF's internal one: it knows none of the app's singletons and answers IEnumerable&lt;T&gt; with nothing.</summary>
    public static IServiceProvider? Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
}
