using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Lachan.Features.Support.Lists;

/// <summary>The province's decision on a list (quyết định phê duyệt / văn bản từ chối) as a printable pdf: number, date,
/// policy, enterprise, how many workers and how much, or the reasons of a refusal. Drawn with PDFsharp in DejaVu Sans
/// like the relief receipt (the font the deployment installs); the names are on the approved list, not here.</summary>
internal static class DecisionPdf
{
    private static readonly Lock Gate = new();

    public static byte[] Render(SupportDecision decision, SupportList list, string enterpriseName)
    {
        lock (Gate)
            GlobalFontSettings.FontResolver ??= new DejaVu();
        using var document = new PdfDocument();
        document.Info.Title = (decision.Approved ? "Quyết định " + decision.Number : "Từ chối danh sách " + list.Id);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var regular = new XFont("DejaVu Sans", 11);
            var bold = new XFont("DejaVu Sans", 14, XFontStyleEx.Bold);
            double y = 60;
            void Text(string s, XFont f, double x = 50) { g.DrawString(s, f, XBrushes.Black, new XPoint(x, y)); y += f.Size + 8; }
            var vi = CultureInfo.GetCultureInfo("vi-VN");
            Text("ỦY BAN NHÂN DÂN TỈNH", regular);
            Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", regular);
            y += 10;
            Text(decision.Approved ? "QUYẾT ĐỊNH PHÊ DUYỆT DANH SÁCH HỖ TRỢ" : "VĂN BẢN TỪ CHỐI DANH SÁCH HỖ TRỢ", bold, 130);
            if (decision.Approved) Text($"Số: {decision.Number}", regular);
            Text($"Ngày: {decision.Day:dd/MM/yyyy}", regular);
            Text($"Chính sách: {list.PolicyCode} ({list.Form}), kỳ {list.PeriodStart:dd/MM/yyyy} – {list.PeriodEnd:dd/MM/yyyy}", regular);
            Text($"Doanh nghiệp: {enterpriseName} (MST {list.TaxCode}), danh sách số {list.Id}", regular);
            if (decision.Approved)
            {
                Text($"Số người lao động được hỗ trợ: {decision.Workers.ToString("#,0", vi)}", regular);
                Text($"Tổng kinh phí: {decision.Amount.ToString("#,0", vi)} đồng", bold);
            }
            else
            {
                Text($"Lý do: {decision.Reason}", regular);
            }
            y += 20;
            Text($"Người ký: {decision.By}", regular);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class DejaVu : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine("/usr/share/fonts/truetype/dejavu", faceName + ".ttf"));
    }
}
