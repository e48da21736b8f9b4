namespace InternalSocial.Polls.Models;

internal static class ResultsVisibilities
{
    public const string Always = "always";
    public const string AfterVote = "afterVote";
    public const string AfterClose = "afterClose";
    public const string AuthorOnly = "authorOnly";

    public static IReadOnlyList<string> All { get; } = [Always, AfterVote, AfterClose, AuthorOnly];
}
