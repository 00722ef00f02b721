using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Lachan.Features.Relief.Supplies;

/// <summary>The donation receipt (biên nhận ủng hộ) as a one-page pdf, drawn with PDFsharp (MIT licence, version 6.2.4;
/// later versions name the AGPL). Vietnamese needs a font with its letters: DejaVu Sans, which the deployment installs
/// (fonts-dejavu-core, as scripts/test.sh does).</summary>
internal static class ReceiptPdf
{
    public sealed record Line(string Item, string Unit, long Quantity, long Value, string Point, string? LotCode);

    private static readonly Lock Gate = new();

    public static byte[] Render(Donation donation, string donorKind, IReadOnlyList<Line> lines)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = "Biên nhận ủng hộ " + donation.ReceiptNo;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var regular = new XFont(DejaVuFonts.Family, 11);
            var bold = new XFont(DejaVuFonts.Family, 15, XFontStyleEx.Bold);
            double y = 60;
            void Text(string s, XFont f, double x = 50) { g.DrawString(s, f, XBrushes.Black, new XPoint(x, y)); y += f.Size + 8; }
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            string Money(long v) => v.ToString("#,0", vi) + " đồng";
            Text("LIÊN ĐOÀN LAO ĐỘNG TỈNH — TỔ HỖ TRỢ ĐỜI SỐNG CÔNG NHÂN", regular);
            y += 10;
            Text("BIÊN NHẬN ỦNG HỘ", bold, 220);
            Text($"Số: {donation.ReceiptNo}    Ngày: {donation.Day:dd/MM/yyyy}", regular);
            Text($"Nhà tài trợ: {donation.Donor?.Name} ({donorKind})", regular);
            if (donation.Donor?.TaxCode is { Length: > 0 } tax) Text($"Mã số thuế: {tax}", regular);
            if (donation.MoneyAmount > 0) Text($"Tiền: {Money(donation.MoneyAmount)}", regular);
            foreach (var l in lines)
                Text($"Hàng: {l.Item}: {l.Quantity.ToString("#,0", vi)} {l.Unit}, trị giá {Money(l.Value)}, nhận tại {l.Point}" + (l.LotCode is null ? "" : $", lô {l.LotCode}"), regular);
            y += 6;
            Text($"Tổng giá trị: {Money(donation.MoneyAmount + lines.Sum(l => l.Value))}", bold);
            if (!string.IsNullOrEmpty(donation.Note)) Text($"Ghi chú: {donation.Note}", regular);
            y += 20;
            Text($"Người lập: {donation.By}", regular);
            Text("Xin trân trọng cảm ơn tấm lòng của quý nhà tài trợ đối với công nhân, người lao động.", regular);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Installs the DejaVu resolver once per process (the requests report draws with it too).</summary>
    internal static void EnsureFonts()
    {
        lock (Gate)
            GlobalFontSettings.FontResolver ??= new DejaVuFonts();
    }

    /// <summary>Every face PDFsharp asks for is DejaVu Sans (regular or bold) from the system's font folder.</summary>
    internal sealed class DejaVuFonts : IFontResolver
    {
        public const string Family = "DejaVu Sans";
        private static readonly string Folder = "/usr/share/fonts/truetype/dejavu";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}
