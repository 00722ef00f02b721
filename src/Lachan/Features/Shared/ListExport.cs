using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Lachan.Features.Shared;

/// <summary>Writes a list as xlsx or csv with the same columns, so an export can be imported back unchanged.
/// Columns are (header, value) pairs; dates are written dd/MM/yyyy as in Vietnamese documents.</summary>
public static class ListExport
{
    public sealed record Column<T>(string Header, Func<T, object?> Value);

    public static bool TryParseFormat(string? value, out string format)
    {
        format = (value ?? "xlsx").ToLowerInvariant();
        return format is "xlsx" or "csv";
    }

    public static async Task WriteAsync<T>(HttpResponse response, string fileStem, string format, IEnumerable<T> rows, IReadOnlyList<Column<T>> columns, CancellationToken ct)
    {
        var fileName = $"{fileStem}-{DateTime.UtcNow:yyyyMMdd}.{format}";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Csv(c.Header))));
            foreach (var row in rows)
                await writer.WriteLineAsync(string.Join(',', columns.Select(c => Csv(Format(c.Value(row))))));
            return;
        }
        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var sheet = rows.Select(row =>
        {
            var d = new Dictionary<string, object?>(columns.Count);
            foreach (var c in columns) d[c.Header] = Format(c.Value(row));
            return d;
        });
        // MiniExcel needs a seekable stream; buffer in memory (lists are paged by jurisdiction and capped by the caller).
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheet, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }

    /// <summary>Text, so identifiers keep their leading zeros in Excel.</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading = + - @ would be run as a formula by a spreadsheet: quote it (CSV injection).
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
