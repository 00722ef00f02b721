using System.Globalization;
using Lachan.Features.Relief.Supplies;
using Lachan.Infrastructure.Localization;
using MiniExcelLibs;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lachan.Features.Relief.Requests;

/// <summary>The request report and the 48-hour share as files for the steering committee: an xlsx with one sheet per
/// table, and an A4 pdf (PDFsharp with DejaVu Sans, as the donation receipt). Headers in the reader's language.</summary>
internal static class RequestReportFiles
{
    public static async Task<byte[]> XlsxAsync(RequestFigures f, ReachResult? reach, UiText t, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [Sheet(t["Needs"])] = f.ByNeed.Select(n => Row((t["Need"], NeedsText.Of(t, n.Need)), (t["Requests"], n.Requests))).ToList(),
            [Sheet(t["Status"])] = f.ByStatus.Select(s => Row((t["Status"], t["Help.Status." + s.Status]), (t["Requests"], s.Requests))).ToList(),
            [Sheet(t["Commune"])] = f.ByArea.Select(a => Row((t["Commune"], a.Commune), (t["Requests"], a.Requests), (t["Open"], a.Open),
                (t["Help.Status.Delivered"], a.Delivered), (t["Help.Status.Cancelled"], a.Cancelled))).ToList(),
            [Sheet(t["Time to delivery"])] = new[]
            {
                Row((t["From"], f.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), (t["To"], f.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                    (t["Requests"], f.Total), (t["Help.Status.Delivered"], f.Times.Delivered), (t["Median (hours)"], Round(f.Times.MedianHours)), (t["90th percentile (hours)"], Round(f.Times.P90Hours))),
            }.ToList(),
        };
        if (reach is not null)
        {
            Dictionary<string, object?> Reach(string commune, ReachRow r) => Row((t["Commune"], commune), (t["Became affected"], r.Affected),
                (t["Reached within 48 hours"], r.Reached), (t["Still within 48 hours"], r.Waiting), (t["Share"], Percent(r.Share)));
            sheets[Sheet(t["Reached within 48 hours"])] = reach.Communes.Select(r => Reach(r.Commune ?? t["No lodging house"], r)).Append(Reach(t["Total"], reach.Total)).ToList();
        }
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets, cancellationToken: ct);
        return buffer.ToArray();
    }

    public static byte[] Pdf(RequestFigures f, ReachResult? reach, UiText t)
    {
        ReceiptPdf.EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = t["Help request report"];
        var regular = new XFont(ReceiptPdf.DejaVuFonts.Family, 10);
        var bold = new XFont(ReceiptPdf.DejaVuFonts.Family, 12, XFontStyleEx.Bold);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var g = XGraphics.FromPdfPage(page);
        double y = 50;
        void Line(string s, XFont font, double x = 50)
        {
            if (y > page.Height.Point - 50)
            {
                // a long commune list continues on a new page
                g.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                g = XGraphics.FromPdfPage(page);
                y = 50;
            }
            g.DrawString(s, font, XBrushes.Black, new XPoint(x, y));
            y += font.Size + 6;
        }
        var day = (DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Line(t["Help request report"] + $" {day(f.From)} – {day(f.To)}", bold);
        Line($"{t["Requests"]}: {f.Total}", regular);
        Line($"{t["Time to delivery"]}: {t["Median (hours)"]} {Round(f.Times.MedianHours)?.ToString(CultureInfo.InvariantCulture) ?? "—"}; "
            + $"{t["90th percentile (hours)"]} {Round(f.Times.P90Hours)?.ToString(CultureInfo.InvariantCulture) ?? "—"} ({t["Help.Status.Delivered"]}: {f.Times.Delivered})", regular);
        y += 6;
        Line(t["Needs"], bold);
        foreach (var n in f.ByNeed) Line($"{NeedsText.Of(t, n.Need)}: {n.Requests}", regular, 60);
        Line(t["Status"], bold);
        foreach (var s in f.ByStatus) Line($"{t["Help.Status." + s.Status]}: {s.Requests}", regular, 60);
        Line(t["Commune"], bold);
        foreach (var a in f.ByArea)
            Line($"{a.Commune}: {a.Requests} ({t["Open"]} {a.Open}, {t["Help.Status.Delivered"]} {a.Delivered}, {t["Help.Status.Cancelled"]} {a.Cancelled})", regular, 60);
        if (reach is not null)
        {
            y += 6;
            Line($"{t["Reached within 48 hours"]}: {Percent(reach.Total.Share) ?? "—"} ({reach.Total.Reached}/{reach.Total.Counted})", bold);
            foreach (var r in reach.Communes)
                Line($"{r.Commune ?? t["No lodging house"]}: {Percent(r.Share) ?? "—"} ({r.Reached}/{r.Counted}; {t["Still within 48 hours"]} {r.Waiting})", regular, 60);
        }
        g.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Excel refuses sheet names of 31 characters or more.</summary>
    private static string Sheet(string name) => name.Length <= 30 ? name : name[..30].TrimEnd();

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) => cells.ToDictionary(c => c.Header, c => c.Value);

    private static double? Round(double? hours) => hours is double h ? Math.Round(h, 1) : null;

    public static string? Percent(double? share) => share is double s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : null;
}
