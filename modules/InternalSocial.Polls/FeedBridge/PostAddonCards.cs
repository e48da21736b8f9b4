using InternalSocial.Polls.Controllers;
using InternalSocial.Polls.Quizzes;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>What a post's card shows of the Polls module: its polls (voted from the card) and its quizzes (a link, or one's score).</summary>
internal sealed record PostAddonCards(IReadOnlyList<PollCardModel> Polls, IReadOnlyList<QuizView> Quizzes);
