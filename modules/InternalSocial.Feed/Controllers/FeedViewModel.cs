using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

internal sealed record FeedViewModel(
    FeedPage Page,
    FeedFilter Filter,
    string? Tag,
    string EditorialGuidance,
    IReadOnlyList<ReactionTypeView> ReactionTypes,
    ComposerModel Composer,
    bool TagFollowed);
