using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

internal sealed record TagsPageModel(IReadOnlyList<CuratedTag> Tags, TagFormModel NewTag, string? FailedTag);
