using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Testing;
using Lachan.Features.Outbreak.Zones;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Requests;
using Lachan.Features.Registry.Demo;
using Lachan.Features.Rosters;
using Lachan.Features.Support.Lists;
using Lachan.Features.Support.Payments;
using Lachan.Infrastructure.Data;
using Lachan.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lachan.Tests.Browser;

/// <summary>Every Razor page, opened by a role allowed to see it, at desktop and phone width: no serious or critical
/// accessibility violation (axe-core) and nothing wider than the screen. The list of pages is compared with the pages
/// the app has, so a new page fails here until someone says how to open it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageBrowserTests(BrowserFixture browser)
{
    /// <summary>Page → who opens it and where; "{id}" is replaced by a record of the demo province the user may see.</summary>
    private static readonly Dictionary<string, (string? User, string Url, Func<LachanDb, Task<string?>>? Id)> Visits = new()
    {
        ["/Index"] = ("admin", "/", null),
        ["/Error"] = (null, "/Error?code=404", null),
        ["/Account/Login"] = (null, "/Account/Login", null),
        ["/Account/Denied"] = ("tinhnguyen", "/Account/Denied", null),
        ["/Admin/Audit/Index"] = ("admin", "/Admin/Audit", null),
        ["/Admin/DemoClock/Index"] = ("admin", "/Admin/DemoClock", null),
        ["/Outbreak/Dashboard/Index"] = ("admin", "/Outbreak", null),
        ["/Outbreak/Zones/Index"] = ("admin", "/Outbreak/Zones", null),
        ["/Outbreak/Zones/Detail"] = ("admin", "/Outbreak/Zones/{id}", db => First(db.Set<ControlZone>().Select(z => z.Id))),
        ["/Outbreak/Zones/Affected"] = ("admin", "/Outbreak/Affected", null),
        ["/Outbreak/Cases/Index"] = ("yte", "/Outbreak/Cases", null),
        ["/Outbreak/Cases/New"] = ("yte", "/Outbreak/Cases/New", null),
        ["/Outbreak/Contacts/Tree"] = ("yte", "/Outbreak/Cases/{id}", db => First(db.Set<Case>().Select(c => c.Id))),
        ["/Outbreak/Contacts/Index"] = ("yte", "/Outbreak/Cases/Contacts", null),
        ["/Outbreak/Cases/Clusters"] = ("yte", "/Outbreak/Cases/Clusters", null),
        ["/Outbreak/Quarantine/Due"] = ("yte", "/Outbreak/Cases/Due", null),
        ["/Outbreak/Quarantine/Index"] = ("yte", "/Outbreak/Cases/Quarantine", null),
        ["/Outbreak/Quarantine/Release"] = ("yte", "/Outbreak/Cases/Release/{id}",
            db => First(db.Set<QuarantineOrder>().Select(o => o.Id))),
        ["/Outbreak/Rules/Index"] = ("yte", "/Outbreak/Rules", null),
        ["/Outbreak/Testing/Index"] = ("yte", "/Outbreak/Testing", null),
        ["/Outbreak/Testing/New"] = ("yte", "/Outbreak/Testing/New", null),
        ["/Outbreak/Testing/Import"] = ("yte", "/Outbreak/Testing/Import", null),
        ["/Outbreak/Testing/Result"] = ("yte", "/Outbreak/Testing/Result/{id}", db => First(db.Set<TestSample>().Select(s => s.Id))),
        ["/Outbreak/Testing/Retest"] = ("yte", "/Outbreak/Testing/Retest", null),
        ["/Outbreak/Testing/Schedules"] = ("yte", "/Outbreak/Testing/Schedules", null),
        ["/Outbreak/Testing/Screening"] = ("yte", "/Outbreak/Testing/Screening", null),
        ["/Registry/Workers/Index"] = ("kcn", "/Registry/Workers", null),
        ["/Registry/Workers/Profile"] = ("kcn", "/Registry/Workers/{id}", db => First(db.Set<Worker>().Select(w => w.Id))),
        ["/Registry/Workers/Edit"] = ("kcn", "/Registry/Workers/Edit", null),
        ["/Registry/Enterprises/Index"] = ("kcn", "/Registry/Enterprises", null),
        ["/Registry/Enterprises/Detail"] = ("kcn", "/Registry/Enterprises/{id}", db => First(db.Set<Enterprise>().Select(e => e.Id))),
        ["/Registry/Enterprises/Edit"] = ("kcn", "/Registry/Enterprises/Edit", null),
        ["/Registry/Zones/Index"] = ("kcn", "/Registry/Zones", null),
        ["/Registry/Zones/Detail"] = ("kcn", "/Registry/Zones/{id}", db => First(db.Set<IndustrialZone>().Select(z => z.Id))),
        ["/Registry/AdminUnits/Index"] = ("kcn", "/Registry/AdminUnits", null),
        ["/Registry/Lodging/Index"] = ("xa", "/Registry/Lodging", null),
        ["/Registry/Lodging/Detail"] = ("xa", "/Registry/Lodging/{id}",
            db => First(db.Set<LodgingHouse>().Where(l => l.CommuneCode == DemoProvince.DemoCommuneCode).Select(l => l.Id))),
        ["/Registry/Lodging/Edit"] = ("xa", "/Registry/Lodging/Edit", null),
        ["/Registry/Transfers/Index"] = ("kcn", "/Registry/Transfers", null),
        ["/Registry/Transfers/Detail"] = ("kcn", "/Registry/Transfers/{id}", TransferAsync),
        ["/Rosters/Index"] = ("kcn", "/Rosters", null),
        ["/Rosters/Detail"] = ("kcn", "/Rosters/{id}", RosterAsync),
        // relief (ReliefAreas): the labour federation runs both desks; a volunteer delivers; the help form and the ledger's totals are public
        ["/Relief/Requests/Index"] = ("congdoan", "/Relief/Requests", null),
        ["/Relief/Requests/Detail"] = ("congdoan", "/Relief/Requests/Detail/{id}", db => First(db.Set<HelpRequest>().Select(r => r.Id))),
        ["/Relief/Requests/Hotline"] = ("congdoan", "/Relief/Requests/Hotline", null),
        ["/Relief/Requests/Unreached"] = ("congdoan", "/Relief/Requests/Unreached", null),
        ["/Relief/Requests/Reports"] = ("congdoan", "/Relief/Requests/Reports", null),
        ["/Relief/Requests/Deliveries"] = ("tinhnguyen", "/Relief/Requests/Deliveries", null),
        ["/Relief/Requests/Help"] = (null, "/Help", null),
        ["/Relief/Supplies/Index"] = ("congdoan", "/Relief/Supplies", null),
        ["/Relief/Supplies/Counter"] = ("congdoan", "/Relief/Supplies/Counter", null),
        ["/Relief/Supplies/Donations"] = ("congdoan", "/Relief/Supplies/Donations", null),
        ["/Relief/Supplies/Reports"] = ("congdoan", "/Relief/Supplies/Reports", null),
        ["/Relief/Supplies/Transparency"] = (null, "/Relief/Supplies/Transparency", null),
        // support (SupportAreas): the labour department runs the policies and the simulation; social insurance the months
        ["/Support/Policies/Index"] = ("laodong", "/Support/Policies", null),
        ["/Support/Policies/Detail"] = ("laodong", "/Support/Policies/{id}", db => First(db.Set<Lachan.Features.Support.Policies.SupportPolicy>().Select(p => p.Id))),
        ["/Support/Simulation/Index"] = ("laodong", "/Support/Simulation?Policy=NQ68-STOPPAGE&From=01/05/2021&To=31/07/2021", null),
        ["/Support/Insurance/Index"] = ("bhxh", "/Support/Insurance", null),
        ["/Support/Lists/Index"] = ("bhxh", "/Support/Lists", null),
        ["/Support/Lists/Detail"] = ("laodong", "/Support/Lists/Detail/{id}", async db => (await SupportBatchAsync(db)).ListId),
        ["/Support/Lists/New"] = ("doanhnghiep", "/Support/Lists/New", null),
        ["/Support/Payments/Index"] = ("laodong", "/Support/Payments", null),
        ["/Support/Overview/Index"] = ("laodong", "/Support/Overview", null),
        ["/Support/Reports/Index"] = ("laodong", "/Support/Reports", null),
        ["/Support/Payments/Batch"] = ("laodong", "/Support/Payments/Batch/{id}", async db => (await SupportBatchAsync(db)).BatchId),
    };

    /// <summary>Pages no one opens with GET: redirects after a POST-only action, and edit pages no role may write
    /// (places are maintained by the operator's import; a zone order is written by no desk yet).</summary>
    private static readonly HashSet<string> NotVisited =
    [
        "/Account/Language", "/Account/Logout", "/Registry/AdminUnits/Edit", "/Registry/Zones/Edit", "/Outbreak/Zones/New",
    ];

    private static async Task<string?> First(IQueryable<int> ids) =>
        (await ids.OrderBy(i => i).Select(i => (int?)i).FirstOrDefaultAsync())?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The demo files no transfer request: one, pending, of a worker hired by a second enterprise.</summary>
    private static async Task<string?> TransferAsync(LachanDb db)
    {
        var existing = await First(db.Set<TransferRequest>().Select(t => t.Id));
        if (existing is not null) return existing;
        var employment = await db.Set<Employment>().OrderBy(e => e.Id).FirstAsync();
        var receiver = await db.Set<Enterprise>().Where(e => e.Id != employment.EnterpriseId).OrderBy(e => e.Id).FirstAsync();
        var request = new TransferRequest
        {
            WorkerId = employment.WorkerId, FromEnterpriseId = employment.EnterpriseId, ToEnterpriseId = receiver.Id, Source = "form",
            RequestedBy = "test", RequestedAt = DateTime.UtcNow,
            SuppliedJson = TransferRequest.Serialize(new TransferSupplied("Nguyễn Văn Thử", Sex.Male, new DateOnly(1994, 2, 3), null, null, null, null,
                new DateOnly(2021, 5, 18), ContractType.Definite, null, null)),
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The demo uploads no roster: one that was refused (its detail page explains why).</summary>
    private static async Task<string?> RosterAsync(LachanDb db)
    {
        if (await db.Set<RosterImport>().Select(r => (Guid?)r.Id).FirstOrDefaultAsync() is { } id) return id.ToString();
        var roster = new RosterImport
        {
            Id = Guid.NewGuid(), EnterpriseId = await db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
            AsOf = new DateOnly(2021, 5, 20), FileName = "danh-sach.xlsx", FileHash = new string('0', 64), StoredPath = "missing.xlsx",
            Status = ImportStatus.Refused, ErrorCode = "Roster.EmptyFile", CreatedBy = "test", CreatedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
        };
        db.Add(roster);
        await db.SaveChangesAsync();
        return roster.Id.ToString();
    }

    /// <summary>A batch of the demo province and its list: the demo's own when it has one, else an approved one-row
    /// list of a demo worker and its batch, written directly (the chain's pages are tested in ChainStoryBrowserTests).</summary>
    private static async Task<(string ListId, string BatchId)> SupportBatchAsync(LachanDb db)
    {
        static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await db.Set<PaymentBatch>().OrderBy(b => b.Id).Select(b => new { b.Id, b.SupportListId }).FirstOrDefaultAsync() is { } found)
            return (Text(found.SupportListId), Text(found.Id));
        var job = await db.Set<Employment>().OrderBy(e => e.Id).FirstAsync();
        var e = await db.Set<Enterprise>().Include(x => x.IndustrialZone).SingleAsync(x => x.Id == job.EnterpriseId);
        var w = await db.Set<Worker>().SingleAsync(x => x.Id == job.WorkerId);
        var d = new DateOnly(2022, 5, 2);
        var list = new SupportList
        {
            PolicyCode = "QD08-G1", EnterpriseId = e.Id, TaxCode = e.TaxCode, ZoneCode = e.IndustrialZone?.Code, DistrictCode = e.DistrictCode, ProvinceCode = e.ProvinceCode,
            PeriodStart = new(2022, 5, 1), PeriodEnd = new(2022, 5, 31), PeriodKey = new(1901, 1, 1), Form = "Mẫu 02", CreatedBy = "test", CreatedAt = DateTime.UtcNow,
            Rows = [new SupportListRow { RowNo = 1, Cccd = w.Cccd, WorkerId = w.Id, FullName = w.FullName, AmountAsked = 500_000, AmountComputed = 500_000, Eligible = true }],
        };
        list.Post(d, d.AddDays(3));
        list.Submit(d.AddDays(5), d.AddDays(3), d.AddDays(7));
        list.ConfirmInsurance(d.AddDays(6), new Dictionary<int, bool> { [1] = true }, d.AddDays(8));
        list.Appraise(d.AddDays(7), d.AddDays(9));
        list.Approve(d.AddDays(8), "1/QĐ-UBND");
        db.Add(list);
        await db.SaveChangesAsync();
        var approval = new SupportApproval
        {
            SupportListId = list.Id, RowId = list.Rows[0].Id, WorkerId = w.Id, EnterpriseId = e.Id, PolicyCode = list.PolicyCode, PeriodStart = list.PeriodKey,
            Amount = 500_000, ApprovedOn = d.AddDays(8), DecisionNo = list.DecisionNo!,
        };
        db.Add(approval);
        db.Add(new SupportDecision { SupportListId = list.Id, Approved = true, Number = list.DecisionNo, Day = d.AddDays(8), Amount = 500_000, Workers = 1, By = "test", At = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var batch = new PaymentBatch
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Reference = "BDEMO0001", SupportListId = list.Id, PolicyCode = list.PolicyCode, EnterpriseId = e.Id,
            TaxCode = e.TaxCode, DistrictCode = e.DistrictCode, ProvinceCode = e.ProvinceCode, Channel = PaymentChannel.Employer, CreatedOn = d.AddDays(9),
            CreatedBy = "test", CreatedAt = DateTime.UtcNow, Total = 500_000,
            Lines = [new PaymentLine { ApprovalId = approval.Id, WorkerId = w.Id, Reference = "PDEMO0001", Amount = 500_000, PayeeName = e.Name, Status = PaymentStatus.Pending }],
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        return (Text(list.Id), Text(batch.Id));
    }

    [Fact]
    public void Every_page_of_the_app_is_visited()
    {
        var pages = PageHandlers.All().Where(h => h.EndsWith(" OnGet", StringComparison.Ordinal)).Select(h => h[..h.IndexOf(' ')]).ToHashSet();
        var missing = pages.Except(Visits.Keys).Except(NotVisited).Order().ToList();
        Assert.True(missing.Count == 0, "pages this test does not open (add them to Visits):\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("desktop", 1366, 768)]
    [InlineData("phone", 390, 844)]
    public async Task Every_page_has_no_serious_accessibility_violation_and_fits_the_screen(string device, int width, int height)
    {
        var problems = new List<string>();
        foreach (var group in Visits.GroupBy(v => v.Value.User))
        {
            var page = await browser.NewPageAsync(width, height);
            await page.ShootOnFailureAsync($"every-page-{device}-{group.Key ?? "anonymous"}", async () =>
            {
                if (group.Key is { } user) await page.LogInAsync(user);
                foreach (var (name, (_, template, id)) in group)
                {
                    var url = template;
                    if (id is not null)
                    {
                        var found = await browser.App.WithDbAsync(id);
                        if (found is null) { problems.Add($"{name}: the demo has no record to open"); continue; }
                        url = template.Replace("{id}", found, StringComparison.Ordinal);
                    }
                    var response = await page.GotoAsync(url);
                    if (response is null || (response.Status >= 400 && name is not "/Error" and not "/Account/Denied"))
                    {
                        problems.Add($"{name} ({url}): HTTP {response?.Status}");
                        continue;
                    }
                    if (!await page.FitsWidthAsync())
                        problems.Add($"{name} ({url}): wider than {width}px ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")}px)");
                    // one date control everywhere (issue 10 item 6): no native date picker, every dd/mm/yyyy field numeric
                    var dates = await page.EvaluateAsync<int[]>("""
                        () => [document.querySelectorAll('input[type=date]').length,
                               [...document.querySelectorAll('input[placeholder="dd/mm/yyyy"]')].filter(i => i.type !== 'text' || i.inputMode !== 'numeric' || !i.pattern).length]
                        """);
                    if (dates[0] + dates[1] > 0) problems.Add($"{name} ({url}): {dates[0]} native date inputs, {dates[1]} dd/mm/yyyy fields not the date control");
                    var axe = await page.RunAxe();
                    foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                        problems.Add($"{name} ({url}): {v.Impact} {v.Id} — {v.Help}: " +
                            string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? ""))));
                }
            });
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems at {width}px:\n" + string.Join('\n', problems));
    }
}
