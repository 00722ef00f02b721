using Lachan.Features.Shared;
using Lachan.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lachan.Features.Support.Payments;

/// <summary>A batch reconciled (sent, returned, failed, paid, pending; an audited view), its bank file in a bank's
/// layout (xlsx or csv; exporting marks its pending lines sent) and the bank's return file (all or nothing: a bad row
/// refuses the file, every row's reason shown). Outside the caller's jurisdiction: not found.</summary>
[RequestSizeLimit(PaymentsApi.MaxReturnFileBytes + 1024 * 1024)]
public sealed class BatchModel(Reconciliation reconciliation, BankFiles files, BankReturns returns, PaymentScope scope, UiText text) : PageModel
{
    public BatchView? Batch { get; private set; }
    public IReadOnlyList<BankFileLayout> Layouts { get; private set; } = [];
    public IReadOnlyList<ReturnError> ReturnErrors { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public bool MayPay => scope.CanWrite;
    [BindProperty] public string? Layout { get; set; }
    [BindProperty] public string? Format { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExportAsync(int id, CancellationToken ct)
    {
        if (!scope.CanWrite) return Forbid();
        if (!ListExport.TryParseFormat(Format, out var format))
        {
            Errors = new FieldErrors { ["Format"] = "SupportPayments.FormatInvalid" };
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        if (await files.ExportAsync(id, Layout, ct) is not { } file) return NotFound();
        await ListExport.WriteAsync(Response, file.Stem, format, file.Rows, file.Columns, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostReturnsAsync(int id, CancellationToken ct)
    {
        if (!scope.CanWrite) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            Errors = new FieldErrors { ["File"] = "SupportPayments.ReturnFileRequired" };
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var path = Path.GetTempFileName();
        try
        {
            await using (var s = System.IO.File.Create(path)) await Upload.CopyToAsync(s, ct);
            switch (await returns.ApplyAsync(id, path, ct))
            {
                case ReturnResult.Applied a:
                    TempData["Message"] = text["SupportPayments.ReturnApplied", a.Returned, a.Failed, UiText.Money(a.Amount)];
                    return Redirect($"/Support/Payments/Batch/{id}");
                case ReturnResult.Refused r:
                    Errors = new FieldErrors { ["File"] = "SupportPayments.ReturnRefused" };
                    ReturnErrors = r.Errors;
                    return await LoadAsync(id, ct) ? Page() : NotFound();
                default:
                    return NotFound();
            }
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Batch = await reconciliation.BatchAsync(id, ct);
        if (Batch is null) return false;
        if (scope.CanWrite) Layouts = await files.LayoutsAsync(ct);
        return true;
    }
}
