using Lachan.Features.Registry.Contracts;
using Lachan.Infrastructure;
using System.Globalization;
using System.Text.Json;
using Lachan.Infrastructure.Cli;
using Lachan.Infrastructure.Data;
using Lachan.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lachan.Features.Rosters;

/// <summary>`import roster &lt;file&gt; --enterprise &lt;tax code&gt; [--as-of dd/MM/yyyy] [--commit [--confirm-leavers N]] [--json]`.
/// Without --commit it only previews. A roster that takes more than a set share of the workforce off the payroll
/// commits only with --confirm-leavers and their number (RosterLeavers); without it nothing is written.</summary>
public static class RosterCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string file, string[] options)
    {
        var db = services.GetRequiredService<LachanDb>();
        var imports = services.GetRequiredService<RosterImports>();
        var text = services.GetRequiredService<UiText>();
        var json = options.Contains("--json");
        var taxCode = CommandLine.Option(options, "--enterprise") ?? throw new CommandLineException("--enterprise <tax code> is required.");
        var enterpriseId = await db.Set<Enterprise>().Where(e => e.TaxCode == taxCode).Select(e => (int?)e.Id).FirstOrDefaultAsync()
            ?? throw new CommandLineException($"No enterprise with tax code {taxCode}.");
        var asOfText = CommandLine.Option(options, "--as-of");
        var asOf = asOfText is null ? services.GetRequiredService<Lachan.Infrastructure.Calendar.ProvinceCalendar>().Today
            : DateOnly.TryParseExact(asOfText, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new CommandLineException("--as-of must be dd/MM/yyyy.");
        if (!File.Exists(file)) throw new CommandLineException($"No file {file}.");
        var confirmText = CommandLine.Option(options, "--confirm-leavers");
        int? confirmed = confirmText is null ? null
            : int.TryParse(confirmText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new CommandLineException("--confirm-leavers must be the number of leavers the preview states.");

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var prepared = await imports.PrepareAsync(file, enterpriseId, asOf, null, CancellationToken.None);
        var p = prepared.Preview;
        var prepareSeconds = sw.Elapsed.TotalSeconds;
        RosterOutcome? outcome = null;
        RosterCommitRefusedException? refusal = null;
        if (prepared.Plan is { } plan && options.Contains("--commit") && !p.ChangesNothing)
        {
            var progress = new Progress<int>(pct => { if (!json) Console.Error.Write($"\r{pct,3}%"); });
            // The operator's account on this machine stands for the user in the audit trail.
            var request = new CommitRequest("cli:" + Environment.UserName, confirmed);
            try
            {
                outcome = await imports.CommitAsync(plan, await RosterImports.HashAsync(file, CancellationToken.None), request, progress, CancellationToken.None);
            }
            catch (RosterCommitRefusedException e)
            {
                refusal = e;
            }
            if (!json) Console.Error.WriteLine();
        }
        // the preview printed here shows the roster's people as the page does: audited alike, under the operator's account
        await services.GetRequiredService<Lachan.Infrastructure.Audit.AuditLog>()
            .ViewedAsync(Path.GetFileName(file), p, json ? "cli-json" : "cli", "cli:" + Environment.UserName, CancellationToken.None);
        var refusalText = refusal is null ? null : text[refusal.Code, refusal.Args] + " (--confirm-leavers " + refusal.Args[0] + ")";
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                refused = p.Refused is null ? null : text[p.Refused, p.RefusedArgs ?? []],
                p.Rows, p.Valid, p.Errors, p.Created, p.Updated, p.Unchanged, p.Hired, p.Left, p.Moved, p.Transfers,
                p.RecoveredLeadingZeros, p.DuplicatesInFile, p.ChangesNothing,
                committed = outcome is not null,
                commitRefused = refusalText,
                skipped = outcome?.Skipped,
                skippedRows = outcome?.SkippedRows,
                errorList = p.ErrorList.Select(e => new { row = e.RowNumber, column = e.Column, message = text[e.Code], value = e.Value }),
                seconds = Math.Round(sw.Elapsed.TotalSeconds, 2),
                // Read, parse and plan (the preview), then the commit: the benchmark reports where the time goes.
                prepareSeconds = Math.Round(prepareSeconds, 2),
                commitSteps = outcome?.Steps.Select(x => new { step = x.Step, seconds = x.Seconds }),
            }, RosterImports.Json));
        }
        else if (p.Refused is not null)
            Console.WriteLine(text[p.Refused, p.RefusedArgs ?? []]);
        else
        {
            Console.WriteLine($"rows {p.Rows}, valid {p.Valid}, errors {p.Errors}; new {p.Created}, updated {p.Updated}, unchanged {p.Unchanged}, " +
                $"hired {p.Hired}, left {p.Left}, moved lodging {p.Moved}, transfers to review {p.Transfers}; " +
                $"recovered leading zeros {p.RecoveredLeadingZeros}, duplicates in file {p.DuplicatesInFile} ({sw.Elapsed.TotalSeconds:F1} s)");
            foreach (var e in p.ErrorList.Take(50))
                Console.WriteLine($"  row {e.RowNumber}{(e.Column is null ? "" : ", " + e.Column)}: {text[e.Code]}{(e.Value is null ? "" : " [" + e.Value + "]")}");
            if (outcome is { Skipped: > 0 })
                Console.WriteLine(text["Roster.SkippedRows", outcome.Skipped, outcome.SkippedRowsText()]);
            Console.WriteLine(outcome is not null ? "Committed." : refusalText ?? (p.ChangesNothing ? text["Roster.NoChange"] : "Preview only: add --commit to write."));
        }
        return p.Refused is null && refusal is null ? 0 : 1;
    }
}
