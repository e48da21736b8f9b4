namespace InternalSocial.Polls.Surveys;

/// <summary>
/// The kinds of a survey question, stored in <c>Polls_Questions.Kind</c>. Ratings and NPS are choices among options
/// "1".."5" and "0".."10", so their counts and averages come from the same tallies as choices. A matrix is a question
/// whose rows are questions of their own (<see cref="MatrixRow"/>), each with a copy of the matrix's columns as options.
/// </summary>
internal static class SurveyQuestionKinds
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string Rating = "rating";
    public const string Nps = "nps";
    public const string Text = "text";
    public const string Matrix = "matrix";

    /// <summary>A row of a matrix: never listed among the survey's questions, only under its matrix.</summary>
    public const string MatrixRow = "matrixRow";

    public static IReadOnlyList<string> All { get; } = [Single, Multiple, Rating, Nps, Text, Matrix];

    /// <summary>Kinds whose options a condition may point to.</summary>
    public static bool HasOptions(string kind) => kind is Single or Multiple or Rating or Nps;
}
