using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Endpoints;

/// <summary>
/// <c>/api/v1/newsletter/editions</c> for composers (the service checks <c>Newsletter.Manage</c>), and the two addresses
/// mails use without signing in: the open image <c>/newsletter/o/{token}</c> and the click redirect
/// <c>/newsletter/c/{token}/{index}</c>, which goes only to a link the sent edition holds.
/// </summary>
internal static class NewsletterApi
{
    /// <summary>A transparent 1×1 GIF.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var editions = endpoints.MapApiGroup("newsletter/editions", "Newsletter").RequireAuthorization();
        editions.MapGet("", ListEditions).WithSummary("The latest editions, newest first.");
        editions.MapPost("", CreateEdition).WithSummary("Writes a new draft edition.");
        editions.MapGet("/{id:long}", GetEdition).WithSummary("An edition: its blocks, its audience and, once sent, its counts.");
        editions.MapPut("/{id:long}", UpdateEdition).WithSummary("Replaces a draft edition's title, introduction, blocks and audience.");
        editions.MapGet("/{id:long}/preview", PreviewEdition).WithSummary("The mail as a recipient in the given language gets it, with nothing counted.");
        editions.MapPost("/{id:long}/test", SendTest).WithSummary("Sends the edition to the signed-in composer alone, marked as a test.");
        editions.MapPost("/{id:long}/send", SendEdition).WithSummary("Sends the edition to its audience, once.");
        editions.MapGet("/{id:long}/stats", GetStats).WithSummary("A sent edition's counts: recipients, deliveries, opens and clicks per link.");

        var subscription = endpoints.MapApiGroup("newsletter/subscription", "Newsletter").RequireAuthorization();
        subscription.MapGet("", GetSubscription).WithSummary("Whether the signed-in person receives the newsletter.");
        subscription.MapPut("", SetSubscription).WithSummary("The signed-in person subscribes to the newsletter again, or unsubscribes.");

        endpoints.MapGet("/newsletter/o/{token}", RecordOpen).ExcludeFromDescription();
        endpoints.MapGet("/newsletter/c/{token}/{index:int}", RecordClick).ExcludeFromDescription();
    }

    public static async Task<Ok<IReadOnlyList<EditionSummary>>> ListEditions(ClaimsPrincipal user, EditionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(user, cancellationToken));

    public static async Task<Created<EditionCreated>> CreateEdition(EditionInput? input, ClaimsPrincipal user, EditionService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken)
    {
        var id = await service.CreateAsync(user, input ?? throw new InvalidInputException("body", T["A JSON body {title, intro, blocks, audience} is required."]), cancellationToken);
        return TypedResults.Created($"/api/v1/newsletter/editions/{id}", new EditionCreated(id));
    }

    public static async Task<Ok<EditionView>> GetEdition(long id, ClaimsPrincipal user, EditionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(user, id, cancellationToken));

    public static async Task<NoContent> UpdateEdition(long id, EditionInput? input, ClaimsPrincipal user, EditionService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken)
    {
        await service.UpdateAsync(user, id, input ?? throw new InvalidInputException("body", T["A JSON body {title, intro, blocks, audience} is required."]), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MailPreview>> PreviewEdition(long id, string? culture, ClaimsPrincipal user, EditionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.PreviewAsync(user, id, culture, cancellationToken));

    public static async Task<Ok<TestSent>> SendTest(long id, ClaimsPrincipal user, EditionSender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TestSent(await sender.SendTestAsync(user, id, cancellationToken)));

    public static async Task<Ok<SendResult>> SendEdition(long id, ClaimsPrincipal user, EditionSender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.SendAsync(user, id, cancellationToken));

    public static async Task<Ok<EditionStats>> GetStats(long id, ClaimsPrincipal user, EditionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetStatsAsync(user, id, cancellationToken));

    public static async Task<Ok<NewsletterSubscription>> GetSubscription(ClaimsPrincipal user, NewsletterSubscriptions subscriptions, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NewsletterSubscription(await subscriptions.IsSubscribedAsync(user, cancellationToken)));

    public static async Task<Ok<NewsletterSubscription>> SetSubscription(NewsletterSubscriptionInput? input, ClaimsPrincipal user, NewsletterSubscriptions subscriptions, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            throw InvalidInputException.BodyRequired("{subscribed}");
        }

        var subscribed = input.Subscribed ?? throw new InvalidInputException("subscribed", T["Say whether you want to receive the newsletter (true or false)."]);
        await subscriptions.SetSubscribedAsync(user, subscribed, cancellationToken);
        return TypedResults.Ok(new NewsletterSubscription(subscribed));
    }

    /// <summary>The mail's image: counts the first open and answers a transparent pixel, whatever the token.</summary>
    public static async Task<IResult> RecordOpen(string token, HttpResponse response, NewsletterTracking tracking, CancellationToken cancellationToken)
    {
        await tracking.RecordOpenAsync(token, cancellationToken);
        response.Headers.CacheControl = "no-store";
        return Results.File(Pixel, "image/gif");
    }

    /// <summary>A link of the mail: counts the click and redirects to one of the links the sent edition holds, and nowhere else.</summary>
    public static async Task<IResult> RecordClick(string token, int index, HttpResponse response, NewsletterTracking tracking, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken)
    {
        try
        {
            var url = await tracking.RecordClickAsync(token, index, cancellationToken);
            response.Headers.CacheControl = "no-store";
            return Results.Redirect(url);
        }
        catch (NotFoundException notFound)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: T["Not found"], detail: notFound.Message);
        }
    }
}
