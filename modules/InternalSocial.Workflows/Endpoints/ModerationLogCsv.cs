using System.Globalization;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InternalSocial.Workflows.Endpoints;

/// <summary>
/// <c>GET /api/v1/moderation/log.csv</c>: the whole moderation log, newest first, read and written page by page so a
/// long log never sits in memory. Cells a spreadsheet would run as a formula are prefixed with a quote.
/// </summary>
internal static class ModerationLogCsv
{
    public const int BatchSize = 1000;

    private static readonly string[] Columns = ["at", "actor", "action", "subjectType", "subjectId", "groupId", "reason"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var moderation = endpoints.MapApiGroup("moderation", "Moderation").RequireAuthorization();
        moderation.MapGet("/log.csv", ExportModerationLog).WithName(nameof(ExportModerationLog))
            .WithSummary("The whole moderation log as CSV, newest first; cells a spreadsheet would run as a formula start with a quote.");
    }

    public static async Task ExportModerationLog(HttpContext context, ClaimsPrincipal user, ModerationService service, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        // Checked before the first byte: once the body has started, a problem can no longer be sent.
        await authorization.EnsurePermissionAsync(user, Permissions.ViewModerationLog);
        context.Response.ContentType = CsvText.ContentType;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"moderation-log.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, CsvText.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvText.Row(Columns));
        string? cursor = null;
        do
        {
            var page = await service.LogAsync(user, cursor, BatchSize, cancellationToken);
            foreach (var entry in page.Items)
            {
                await writer.WriteAsync(CsvText.Row(
                    entry.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    entry.ActorId.Length == 0 ? "system" : entry.ActorName ?? entry.ActorId,
                    entry.Action,
                    entry.SubjectType,
                    entry.SubjectId,
                    entry.GroupId?.ToString(CultureInfo.InvariantCulture) ?? "",
                    entry.Reason ?? ""));
            }

            await writer.FlushAsync(cancellationToken);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
