

namespace InternalSocial.Workflows.Abstractions.Models;

public static class BookmarkKinds
{
    public const string Event = "event";
    public const string Task = "task";
    public const string Timer = "timer";
}
