using System.Reflection;
using System.Text.Json;
using InternalSocial.Feed.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace InternalSocial.Feed.Endpoints;

/// <summary>
/// A feed page written in one synchronous pass by the generated serializer. The feed is the API's most read answer
/// (some 36 KB): the general path, resumable and reflection-based, took a fifth of the request (docs/benchmarks.md).
/// </summary>
internal sealed class FeedPageResult(FeedPage page) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter))
        {
            JsonSerializer.Serialize(writer, page, FeedJsonContext.Default.FeedPage);
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FeedPage), ["application/json"]));
    }
}
