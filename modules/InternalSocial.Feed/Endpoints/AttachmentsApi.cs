using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Feed.Endpoints;

/// <summary><c>/api/v1/attachments</c>: one file per request, multipart, before the post that attaches it.</summary>
internal static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        attachments.MapPost("", UploadAttachment).RequireRateLimiting(Startup.PostingRateLimitPolicy)
            .WithSummary("Uploads one file (multipart, field 'file'); pass its id in a post's attachments.");
        attachments.MapGet("/{id:long}", GetAttachment).WithSummary("The file, with safe headers, to readers of its post.");
    }

    public static async Task<Created<AttachmentView>> UploadAttachment(HttpRequest request, ClaimsPrincipal user, AttachmentService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            throw new InvalidInputException("attachments", "Send the file as multipart/form-data in a field named 'file'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw new InvalidInputException("attachments", "Send the file as multipart/form-data in a field named 'file'.");
        await using var stream = file.OpenReadStream();
        var stored = await service.UploadAsync(user, file.FileName, stream, file.Length, cancellationToken);
        return TypedResults.Created($"/api/v1/attachments/{stored.Id}", stored);
    }

    public static async Task<IResult> GetAttachment(long id, HttpContext context, AttachmentService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = await service.OpenAsync(context.User, id, cancellationToken);
        return FileResponses.Serve(context, file.Content, file.ContentType, file.FileName);
    }
}
