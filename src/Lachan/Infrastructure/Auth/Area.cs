namespace Lachan.Infrastructure.Auth;

public enum Access { None = 0, Read = 1, Write = 2 }

/// <summary>A kind of record access is decided for (workers, health records, audit…), declared by the module that owns
/// it with its row of the access matrix: what each role may do. The steering committee may do everything everywhere
/// (PRODUCT.md); volunteers and checkpoints have no area unless one grants it. Policies named <see cref="Read"/> and
/// <see cref="Write"/> let endpoints and page folders declare what they need instead of checking by hand.</summary>
public sealed class Area(string name, Func<Role, Access> grant)
{
    public string Name => name;

    public Access For(Role role) => role == Role.Steering ? Access.Write : grant(role);

    /// <summary>The authorization policy "may read this area" (see <see cref="AreaPolicies"/>).</summary>
    public string Read => name + ":Read";
    public string Write => name + ":Write";

    public override string ToString() => name;
}

/// <summary>The kernel's own areas: the audit trail and the accounts, for the steering committee only.</summary>
public static class AdminAreas
{
    public static readonly Area Audit = new("Audit", _ => Access.None);
    public static readonly Area Users = new("Users", _ => Access.None);
}
