using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

internal sealed record PostPageModel(
    PostCard Post,
    IReadOnlyList<ReactionTypeView> ReactionTypes,
    bool CanSeeStats,
    AnnouncementStats? Stats,
    PostReactors Reactors,
    IReadOnlyList<GroupChoice> RelayGroups);
