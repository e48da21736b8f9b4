using InternalSocial.Feed.Services;
using InternalSocial.Groups.Abstractions;

namespace InternalSocial.Feed.GroupsBridge;

/// <summary>The Posts tab: the group's header and tabs (from Groups), its composer and its posts, 20 a page.</summary>
internal sealed record GroupPostsViewModel(
    GroupSpacePage Space,
    FeedPage Page,
    IReadOnlyList<ReactionTypeView> ReactionTypes,
    GroupComposerModel Composer,
    bool CanPost,
    bool NeedsApproval);
