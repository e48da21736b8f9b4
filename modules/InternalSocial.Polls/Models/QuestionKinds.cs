namespace InternalSocial.Polls.Models;

internal static class QuestionKinds
{
    public const string Single = "single";
    public const string Multiple = "multiple";
}
