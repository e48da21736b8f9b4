using System.Text.RegularExpressions;
using InternalSocial.Feed.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>The checks posts and comments share before they are written; each adds its message to <c>errors</c>.</summary>
internal sealed partial class PostValidator(FeedDbContext db, IStringLocalizer<ModuleResources> T)
{
    public string ValidateBody(string? input, int maxLength, IDictionary<string, string> errors, string field = "body")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var body = (input ?? "").Trim();
        if (body.Length == 0)
        {
            errors[field] = T["Write something before posting."];
        }
        else if (body.Length > maxLength)
        {
            errors[field] = T["The text must be at most {0} characters (it has {1}).", maxLength, body.Length];
        }

        return body;
    }

    public IReadOnlyList<string> ValidateTags(IReadOnlyList<string>? input, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var tags = (input ?? []).Select(t => (t ?? "").Trim().TrimStart('#').ToLowerInvariant()).Distinct().ToList();
        if (tags.Any(t => !TagName().IsMatch(t)))
        {
            errors["tags"] = T["A tag has 1 to 50 letters, digits, '-' or '_'."];
        }
        else if (tags.Count > PostService.MaxTags)
        {
            errors["tags"] = T["At most {0} tags.", PostService.MaxTags];
        }

        return tags;
    }

    public static bool IsTag(string value) => TagName().IsMatch(value ?? "");

    /// <summary>The uploads to attach: they must be the author's own and not attached yet.</summary>
    public async Task<IReadOnlyList<Attachment>> ValidateAttachmentsAsync(IReadOnlyList<long>? ids, string userId, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        if (wanted.Count > AttachmentService.MaxPerPost)
        {
            errors["attachments"] = T["At most {0} attachments per post.", AttachmentService.MaxPerPost];
            return [];
        }

        var found = await db.Attachments.Where(a => wanted.Contains(a.Id) && a.UploadedBy == userId && a.PostId == null).ToListAsync(cancellationToken);
        if (found.Count != wanted.Count)
        {
            errors["attachments"] = T["Attach only files you uploaded and have not attached yet."];
        }

        return found;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{1,50}$")]
    private static partial Regex TagName();
}
