using System.Text.Json;
using Lachan.Infrastructure.Data;

namespace Lachan.Infrastructure.Audit;

/// <summary>The anchors' copy apart from the database: one JSON line per anchor, appended to audit-anchors.jsonl in the
/// data directory (readable by the app's user only). Whoever deletes the newest audit rows, and the AuditAnchors rows
/// with them, still leaves this file behind: verification takes the newest anchor of the two.</summary>
public sealed class AuditAnchorFile(IConfiguration config)
{
    public const string FileName = "audit-anchors.jsonl";

    private sealed record Line(DateTime At, long HeadId, string HeadHash, long Count);

    public string FilePath => Path.Combine(AppData.Folder(config), FileName);

    public void Append(AuditAnchor anchor)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(FilePath, options);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
            writer.WriteLine(JsonSerializer.Serialize(new Line(anchor.At, anchor.HeadId, anchor.HeadHash, anchor.Count)));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The anchor with the most events in the file, or null; a torn line (a crash while writing) is skipped.</summary>
    public AuditAnchor? Latest()
    {
        if (!File.Exists(FilePath)) return null;
        Line? best = null;
        foreach (var text in File.ReadLines(FilePath))
        {
            Line? line;
            try { line = JsonSerializer.Deserialize<Line>(text); }
            catch (JsonException) { continue; }
            if (line is { HeadHash: not null } && (best is null || line.Count > best.Count)) best = line;
        }
        return best is null ? null : new AuditAnchor { At = best.At, HeadId = best.HeadId, HeadHash = best.HeadHash, Count = best.Count };
    }
}
