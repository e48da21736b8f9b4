using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.QuickLinks.Models;
using InternalSocial.QuickLinks.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.QuickLinks.Endpoints;

internal sealed record QuickLinkResponse(long Id, string Title, string Url, string Description, int Position)
{
    public static QuickLinkResponse From(QuickLink link) => new(link.Id, link.Title, link.Url, link.Description, link.Position);
}

/// <summary><c>/api/v1/quicklinks</c>.</summary>
internal static class QuickLinksApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var links = endpoints.MapApiGroup("quicklinks", "Quick links").RequireAuthorization();
        links.MapGet("", async (ClaimsPrincipal user, QuickLinksService service, CancellationToken cancellationToken) =>
            TypedResults.Ok((await service.ListAsync(user, cancellationToken)).Select(QuickLinkResponse.From)));
        links.MapPost("", async (QuickLinkInput? input, ClaimsPrincipal user, QuickLinksService service, CancellationToken cancellationToken) =>
        {
            var link = await service.CreateAsync(user, input ?? throw InvalidInputException.BodyRequired("{title, url, description, position}"), cancellationToken);
            return TypedResults.Created($"/api/v1/quicklinks/{link.Id}", QuickLinkResponse.From(link));
        });
        links.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, QuickLinksService service, CancellationToken cancellationToken) =>
        {
            await service.DeleteAsync(user, id, cancellationToken);
            return TypedResults.NoContent();
        });
    }
}
