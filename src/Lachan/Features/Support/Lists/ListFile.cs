using System.Globalization;
using Lachan.Features.Shared;

namespace Lachan.Features.Support.Lists;

/// <summary>A file error: the row (1-based, as the spreadsheet shows it), the column and a localization code.</summary>
public sealed record FileError(int Row, string Column, string Code);

/// <summary>Reads an employer's list (xlsx or csv, Mẫu 02/03/05/06 or any sheet with these headers): the header row is
/// found among the first rows by its names (SheetHeaders), as in every importer, so title lines above it are skipped.
/// Columns: CCCD (required), name, amount asked, bank account, bank, pregnant ("Mang thai"), children under six ("Số con dưới 6 tuổi")
/// and their personal identification numbers ("Mã định danh của con", 12 digits each, comma-separated, as many as the
/// children when given: one parent only may claim a child, ChildClaims). A bad cell is a file error naming row and column;
/// the caller writes nothing when there is one.</summary>
public static class ListFile
{
    private enum Column { Cccd, Name, Amount, Account, Bank, Pregnant, ChildrenUnder6, ChildIds }

    private static readonly HeaderNames<Column> Headers = new(
        (Column.Cccd, ["số cccd", "cccd", "số cccd/cmnd", "cccd/cmnd", "số định danh cá nhân", "cccd no."]),
        (Column.Name, ["họ và tên", "họ tên", "full name", "name"]),
        (Column.Amount, ["số tiền đề nghị hỗ trợ", "số tiền đề nghị", "số tiền", "số tiền (đồng)", "amount"]),
        (Column.Account, ["số tài khoản", "tài khoản", "account"]),
        (Column.Bank, ["ngân hàng", "tên ngân hàng", "bank"]),
        (Column.Pregnant, ["mang thai", "đang mang thai", "lao động nữ mang thai", "pregnant"]),
        (Column.ChildrenUnder6, ["số con dưới 6 tuổi", "số trẻ em dưới 6 tuổi", "con dưới 6 tuổi", "children under 6"]),
        (Column.ChildIds, ["mã định danh của con", "mã định danh cá nhân của con", "số định danh của con", "children's ids", "child ids"]));
    private static readonly string[] Yes = ["x", "có", "co", "1", "yes", "true"];
    private static readonly string[] No = ["không", "khong", "0", "no", "false", "-"];

    public const int MaxRows = 100_000;

    public static (IReadOnlyList<RowInput> Rows, IReadOnlyList<FileError> Errors) Read(string path)
    {
        List<string?[]> records;
        try
        {
            records = [.. TabularFileReader.Read(path).Take(MaxRows + SheetHeaders.RowsToScan)];
        }
        catch (TabularFileException e)
        {
            return ([], [new FileError(0, "", e.Code)]);
        }
        var header = SheetHeaders.Find(records, Headers.Recognise);
        if (header is null || !header.Columns.ContainsKey(Column.Cccd)) return ([], [new FileError(0, "CCCD", "SupportList.FileNoCccdColumn")]);
        if (header.Duplicate is { } twice) return ([], [new FileError(header.RowIndex + 1, twice.Column.ToString(), "SupportList.FileDuplicateColumn")]);
        var headerAt = header.RowIndex;
        int Find(Column c) => header.Columns.TryGetValue(c, out var i) ? i : -1;
        var (cccd, name, amount, account, bank) = (Find(Column.Cccd), Find(Column.Name), Find(Column.Amount), Find(Column.Account), Find(Column.Bank));
        var (pregnantCol, childrenCol, childIdsCol) = (Find(Column.Pregnant), Find(Column.ChildrenUnder6), Find(Column.ChildIds));
        var rows = new List<RowInput>();
        var errors = new List<FileError>();
        for (var i = headerAt + 1; i < records.Count; i++)
        {
            var r = records[i];
            string? Cell(int c) => c >= 0 && c < r.Length && !string.IsNullOrWhiteSpace(r[c]) ? r[c]!.Trim() : null;
            if (r.All(string.IsNullOrWhiteSpace)) continue;
            var line = i + 1;
            var id = Cell(cccd);
            if (id is null) { errors.Add(new FileError(line, "CCCD", "SupportList.FileCccdMissing")); continue; }
            long? asked = null;
            if (Cell(amount) is { } text)
            {
                if (long.TryParse(text.Replace(".", "").Replace(",", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var a)) asked = a;
                else errors.Add(new FileError(line, "Amount", "SupportList.FileAmountInvalid"));
            }
            // the supplements' facts (issue 12 item 4): "x"/"có" or empty, and a whole number of children
            var pregnant = Cell(pregnantCol)?.ToLowerInvariant();
            if (pregnant is not null && !Yes.Contains(pregnant) && !No.Contains(pregnant)) errors.Add(new FileError(line, "Pregnant", "SupportList.FilePregnantInvalid"));
            var children = 0;
            if (Cell(childrenCol) is { } count && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out children) || children > 20))
                errors.Add(new FileError(line, "ChildrenUnder6", "SupportList.FileChildrenInvalid"));
            var childIds = ChildIds(Cell(childIdsCol));
            if (childIds is null) errors.Add(new FileError(line, "ChildIds", "SupportList.FileChildIdsInvalid"));
            else if (childIds.Count > 0 && childIds.Count != children) errors.Add(new FileError(line, "ChildIds", "SupportList.FileChildIdsCount"));
            rows.Add(new RowInput(rows.Count + 1, id, Cell(name), asked, Cell(account), Cell(bank), pregnant is not null && Yes.Contains(pregnant), children,
                childIds is { Count: > 0 } ? childIds : null));
        }
        if (rows.Count > MaxRows) errors.Add(new FileError(0, "", "SupportList.FileTooManyRows"));
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new FileError(0, "", "SupportList.Empty"));
        return (rows, errors);
    }

    /// <summary>"001222000011, 001222000022" → the numbers; empty when the cell is; null when one is not 12 digits or one
    /// is named twice.</summary>
    private static List<string>? ChildIds(string? cell)
    {
        var ids = (cell ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        return ids.All(x => x.Length == 12 && x.All(char.IsAsciiDigit)) && ids.Distinct().Count() == ids.Count ? ids : null;
    }
}
