namespace InternalSocial.Polls.Quizzes;

/// <summary>A quiz was created through the service (not by a recipe), raised after it is saved.</summary>
internal sealed record QuizCreated(long QuizId, string Title, string AuthorId, Services.PollContainer? Container);
