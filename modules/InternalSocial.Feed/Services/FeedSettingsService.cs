using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Data;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

public sealed record FeedSettings(string EditorialGuidance);

/// <summary>The editorial guidance shown beside the composer (the charter module will own it later).</summary>
public sealed class FeedSettingsService(DocumentStore documents, IAuthorizationService authorization, IStringLocalizer<ModuleResources> T)
{
    public const string DocumentId = "feed-settings";
    public const int MaxGuidanceLength = 2000;

    public async Task<FeedSettings> GetAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<FeedSettings>(DocumentId, cancellationToken) ?? new FeedSettings("");

    public async Task SaveAsync(ClaimsPrincipal user, string? guidance, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageTags);
        var text = (guidance ?? "").Trim();
        if (text.Length > MaxGuidanceLength)
        {
            throw new InvalidInputException("editorialGuidance", T["The guidance must be at most {0} characters.", MaxGuidanceLength]);
        }

        await documents.SaveAsync(DocumentId, new FeedSettings(text), cancellationToken);
    }
}
