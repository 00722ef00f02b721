namespace Lachan.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test assembly's folder (bin/…) by walking up to Lachan.slnx.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>TestResults/ at the repository root: screenshots and other evidence of failures go here.</summary>
    public static string TestResults(string sub)
    {
        var dir = Path("TestResults", sub);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Lachan.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Lachan.slnx not found above " + AppContext.BaseDirectory);
    }
}
