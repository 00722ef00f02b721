using Lachan.Infrastructure.Calendar;
using Lachan.Features.Registry.Contracts;
using Lachan.Features.Relief.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Lachan.Features.Relief.Requests;

public static class RequestsApi
{
    /// <summary>The public form and ticket endpoints' rate limit, per client address (Relief:PublicRateLimit:PerMinute).</summary>
    public const string PublicPolicy = "relief-public";

    public sealed record TicketAnswer(string Ticket);

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public/help-requests").WithTags("Relief: public").AllowAnonymous().RequireRateLimiting(PublicPolicy);

        open.MapPost("/", async (HelpForm form, HelpRequests requests, ApiErrors errors, CancellationToken ct) =>
                await requests.SubmitAsync(form, RequestChannel.Public, null, "public", ct) switch
                {
                    Submitted.Created c => Results.Created($"/api/v1/public/help-requests/{c.Ticket}", new TicketAnswer(c.Ticket)),
                    Submitted.Merged m => Results.Ok(new TicketAnswer(m.Ticket)),
                    Submitted.Invalid i => errors.Validation(i.Errors),
                    _ => Results.BadRequest(),
                })
            .WithSummary("Ask for help without an account: name, phone, cccd (optional), communeCode, address, lodgingHouseId (optional), needs (food, medicine, rent, cash, other), note. 201 with a new ticket; 200 with the existing ticket when it merges into the same person's open request for the same need; 429 when one client sends too many.")
            .Produces<TicketAnswer>(StatusCodes.Status201Created).Produces<TicketAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        open.MapGet("/{ticket}", async (string ticket, HelpRequests requests, CancellationToken ct) =>
                await requests.StatusAsync(ticket, ct) is { } s ? Results.Ok(s) : Results.NotFound())
            .WithSummary("A ticket's progress: status and dates, no personal data.")
            .Produces<TicketStatus>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/relief/unreached", async (string? date, int? days, int? page, int? pageSize, Unreached unreached, ApiErrors errors,
                ProvinceCalendar calendar, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var day)) return errors.Validation(QueryDate.Error("Date", date));
                if (days is < 1 or > Unreached.MaxDays) return errors.Validation(new FieldErrors { ["Days"] = "Unreached.DaysRange" });
                var r = await unreached.RunAsync(day ?? calendar.Today, days ?? 7, page, pageSize, null, ct);
                return Results.Ok(r);
            })
            .WithTags("Relief")
            .RequireArea(ReliefAreas.Requests, Access.Read).RequireArea(RegistryAreas.Workers, Access.Read)
            .WithSummary("No one left hungry: workers of the caller's jurisdiction who on the date (yyyy-MM-dd, default today) lodge in a locked zone, are in quarantine or work for an enterprise suspended by an order, and received nothing in the `days` days (default 7) up to and including it; total, groups by commune and lodging house, and the first page of workers.")
            .Produces<UnreachedResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
