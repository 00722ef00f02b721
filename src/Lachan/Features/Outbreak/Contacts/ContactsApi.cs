using Lachan.Features.Outbreak.Cases;
using Lachan.Features.Outbreak.Contracts;
using Lachan.Features.Shared;
using Lachan.Infrastructure.Auth;
using Lachan.Infrastructure;

namespace Lachan.Features.Outbreak.Contacts;

/// <summary>/api/v1/contacts (the list as of a day), /api/v1/cases/{id}/suggestions and /contacts: the same handlers as the case's page (its transmission tree).</summary>
public static class ContactsApi
{
    public static void MapContactEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/").WithTags("Cases").RequireArea(OutbreakAreas.Health, Access.Read);
        g.MapGet("/contacts", async (string? date, ContactLevel? level, int? pageNumber, int? pageSize, ContactList list, ApiErrors errors, CancellationToken ct) =>
            {
                if (!QueryDate.TryParse(date, out var day)) return errors.Validation(QueryDate.Error("Date", date));
                return Results.Ok(await list.RunAsync(new ContactListQuery { Date = day, Level = level, PageNumber = pageNumber, PageSize = pageSize }, ct));
            })
            .WithSummary("Confirmed contacts identified by a day (date: yyyy-MM-dd, default today: of a case confirmed by then; a release after it not shown), optionally of one level (F1, F2); paged.")
            .Produces<Paged<ContactListRow>>().ProducesValidationProblem();

        g.MapGet("/cases/{id:int}/suggestions", async (int id, int? sourceContactId, ContactSuggestions suggestions, CancellationToken ct) =>
                await suggestions.ForAsync(id, sourceContactId, ct) is { } s ? Results.Ok(s) : Results.NotFound())
            .WithSummary("Suggested F1 for the case (or F2 for the confirmed F1 sourceContactId): same workshop, enterprise, room, lodging house.")
            .Produces<Suggestions>();

        g.MapPost("/cases/{id:int}/contacts", async (int id, ContactDecision decision, ContactDecisions decisions, ApiErrors errors, CancellationToken ct) =>
                (await decisions.ConfirmAsync(id, decision, ct)).Created(errors, _ => $"/api/v1/cases/{id}"))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("Confirm a contact (by workerId or cccd); orders quarantine by the rule in force on the start date.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);

        g.MapPost("/cases/{id:int}/contacts/dismiss", async (int id, ContactDecision decision, ContactDecisions decisions, ApiErrors errors, CancellationToken ct) =>
                (await decisions.DismissAsync(id, decision, ct)).Created(errors, _ => $"/api/v1/cases/{id}"))
            .RequireArea(OutbreakAreas.Health, Access.Write)
            .WithSummary("Dismiss a suggested contact; it is not suggested again for this case.")
            .ProducesValidationProblem().Produces(StatusCodes.Status201Created);
    }
}
