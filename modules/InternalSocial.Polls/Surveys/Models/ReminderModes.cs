namespace InternalSocial.Polls.Surveys;

internal static class ReminderModes
{
    public const string None = "none";
    public const string Once = "once";
    public const string Every = "every";

    public static IReadOnlyList<string> All { get; } = [None, Once, Every];
}
