using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Settings;
using InternalSocial.Newsletter.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Newsletter.Endpoints;

public sealed record EditionCreated(long Id);

public sealed record TestSent(string To);

/// <summary>Whether the signed-in person receives the newsletter.</summary>
public sealed record NewsletterSubscription(bool Subscribed);

public sealed record NewsletterSubscriptionInput(bool? Subscribed);

/// <summary>
/// <c>/api/v1/newsletter/editions</c> for composers (the service checks <c>Newsletter.Manage</c>), and the two addresses
/// mails use without signing in: the open image <c>/newsletter/o/{token}</c> and the click redirect
/// <c>/newsletter/c/{token}/{index}</c>, which goes only to a link the sent edition holds.
/// </summary>
public static class NewsletterApi
{
    /// <summary>A transparent 1×1 GIF.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>The tenant's public address for the edition's links (<see cref="TenantUrls"/>): never the request's Host header.</summary>
    public static Task<string> BaseUrlAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<TenantUrls>().RequireBaseUrlAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var editions = endpoints.MapApiGroup("newsletter/editions", "Newsletter").RequireAuthorization();
        editions.MapGet("", async (ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.ListAsync(user, cancellationToken)));
        editions.MapPost("", async (EditionInput? input, ClaimsPrincipal user, NewsletterService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken) =>
        {
            var id = await service.CreateAsync(user, input ?? throw new InvalidInputException("body", T["A JSON body {title, intro, blocks, audience} is required."]), cancellationToken);
            return TypedResults.Created($"/api/v1/newsletter/editions/{id}", new EditionCreated(id));
        });
        editions.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetAsync(user, id, cancellationToken)));
        editions.MapPut("/{id:long}", async (long id, EditionInput? input, ClaimsPrincipal user, NewsletterService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken) =>
        {
            await service.UpdateAsync(user, id, input ?? throw new InvalidInputException("body", T["A JSON body {title, intro, blocks, audience} is required."]), cancellationToken);
            return TypedResults.NoContent();
        });
        editions.MapGet("/{id:long}/preview", async (long id, string? culture, HttpContext context, ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.PreviewAsync(user, id, culture, await BaseUrlAsync(context, cancellationToken), cancellationToken)));
        editions.MapPost("/{id:long}/test", async (long id, HttpContext context, ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(new TestSent(await service.SendTestAsync(user, id, await BaseUrlAsync(context, cancellationToken), cancellationToken))));
        editions.MapPost("/{id:long}/send", async (long id, HttpContext context, ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.SendAsync(user, id, await BaseUrlAsync(context, cancellationToken), cancellationToken)));
        editions.MapGet("/{id:long}/stats", async (long id, ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
            TypedResults.Ok(await service.GetStatsAsync(user, id, cancellationToken)));

        var subscription = endpoints.MapApiGroup("newsletter/subscription", "Newsletter").RequireAuthorization();
        subscription.MapGet("", async (ClaimsPrincipal user, NewsletterService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(new NewsletterSubscription(await service.IsSubscribedAsync(user, cancellationToken))))
            .WithSummary("Whether the signed-in person receives the newsletter.");
        subscription.MapPut("", async (NewsletterSubscriptionInput? input, ClaimsPrincipal user, NewsletterService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken) =>
            {
                if (input is null)
                {
                    throw InvalidInputException.BodyRequired("{subscribed}");
                }

                var subscribed = input.Subscribed ?? throw new InvalidInputException("subscribed", T["Say whether you want to receive the newsletter (true or false)."]);
                await service.SetSubscribedAsync(user, subscribed, cancellationToken);
                return TypedResults.Ok(new NewsletterSubscription(subscribed));
            })
            .WithSummary("The signed-in person subscribes to the newsletter again, or unsubscribes.");

        endpoints.MapGet("/newsletter/o/{token}", async (string token, HttpResponse response, NewsletterService service, CancellationToken cancellationToken) =>
        {
            await service.RecordOpenAsync(token, cancellationToken);
            response.Headers.CacheControl = "no-store";
            return Results.File(Pixel, "image/gif");
        }).ExcludeFromDescription();
        endpoints.MapGet("/newsletter/c/{token}/{index:int}", async (string token, int index, HttpResponse response, NewsletterService service, IStringLocalizer<ModuleResources> T, CancellationToken cancellationToken) =>
        {
            try
            {
                var url = await service.RecordClickAsync(token, index, cancellationToken);
                response.Headers.CacheControl = "no-store";
                return Results.Redirect(url);
            }
            catch (NotFoundException notFound)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: T["Not found"], detail: notFound.Message);
            }
        }).ExcludeFromDescription();
    }
}
