namespace Lachan.Infrastructure.Data;

/// <summary>Where the app keeps its own files (uploads, the audit anchors): Data:Directory, or else the folder of the SQLite
/// database (data/ by default), or data/ on PostgreSQL. One data directory per database.</summary>
public static class AppData
{
    public static string Folder(IConfiguration config)
    {
        if (config["Data:Directory"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var cs = config.GetConnectionString("Lachan") is { Length: > 0 } c ? c : DataModule.DefaultSqlite;
        var folder = DataModule.Provider(config) == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource))
            : null;
        return folder ?? Path.GetFullPath("data");
    }
}
