namespace InternalSocial.Polls.Models;

internal static class PollKinds
{
    public const string Poll = "poll";
    public const string Quiz = "quiz";
    public const string Survey = "survey";
}
