using InternalSocial.Feed.Abstractions;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.GroupsBridge;

/// <summary>The Polls tab: the group's header and tabs (from Groups), its polls and quizzes, and the new poll's form when the reader may create one.</summary>
internal sealed record GroupPollsViewModel(GroupSpacePage Space, PollList Polls, IReadOnlyList<QuizView> Quizzes, bool CanCreate, PostAddonComposer Form);
