using InternalSocial.Feed.Abstractions;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>The Polls tab: the group's header and tabs (from Groups), its polls, and the new poll's form when the reader may create one.</summary>
internal sealed record GroupPollsViewModel(GroupSpacePage Space, PollList Polls, bool CanCreate, PostAddonComposer Form);
