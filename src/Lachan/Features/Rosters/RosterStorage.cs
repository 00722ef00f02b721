using Lachan.Infrastructure.Data;

namespace Lachan.Features.Rosters;

/// <summary>Where uploaded rosters (and their reports) are kept, and how: under the data directory, not wherever the app
/// was started from; the folder 0700 and each file 0600 on Unix, so only the app's own user can read the CCCDs in them.
/// Deleted after Uploads:RetentionDays by <see cref="UploadRetention"/>.</summary>
public static class RosterStorage
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The app's data directory (see AppData).</summary>
    public static string DataDirectory(IConfiguration config) => AppData.Folder(config);

    /// <summary>Imports:Folder, or imports/ in the data directory. Shared storage when several nodes serve.</summary>
    public static string Folder(IConfiguration config) =>
        Path.GetFullPath(config["Imports:Folder"] is { Length: > 0 } f ? f : Path.Combine(DataDirectory(config), "imports"));

    /// <summary>Creates the folder if needed and makes it private (also when an older version created it open).</summary>
    public static void EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(folder); return; }
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
    }

    /// <summary>A new file readable and writable by the app's user only.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }
}
