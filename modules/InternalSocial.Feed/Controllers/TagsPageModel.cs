using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

public sealed record TagsPageModel(IReadOnlyList<CuratedTag> Tags, TagFormModel NewTag, string? FailedTag);
