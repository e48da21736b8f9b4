using System.Globalization;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Workflows.Abstractions;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Charter.WorkflowsBridge;

/// <summary>The editorial charter's rules (its level-2 headings), in the moderator's language, for the rejection form.</summary>
internal sealed class EditorialCharterRules(CharterService charter, IHttpContextAccessor http) : IModerationRules
{
    private const int MaxTitleLength = 120;

    public async Task<IReadOnlyList<ModerationRule>> ListAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        if (context is null || await charter.CurrentAsync(context.User, CharterAudiences.Editorial, cancellationToken) is not { } current)
        {
            return [];
        }

        var page = context.Request.PathBase + "/charter/editorial#";
        return [.. CharterMarkdown.Rules(CharterTexts.Pick(current.Texts, CultureInfo.CurrentUICulture))
            .Select(r => new ModerationRule(r.Number, r.Title.Length > MaxTitleLength ? r.Title[..MaxTitleLength] + "…" : r.Title, page + CharterMarkdown.Anchor(r.Number)))];
    }
}
