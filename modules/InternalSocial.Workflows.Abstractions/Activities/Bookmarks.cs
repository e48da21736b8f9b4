using InternalSocial.Workflows.Abstractions.Models;


namespace InternalSocial.Workflows.Abstractions.Activities;

public static class Bookmarks
{
    public static BookmarkRequest ForEvent(string eventName, string correlationKey) => new(BookmarkKinds.Event, EventName: eventName, CorrelationKey: correlationKey);

    public static BookmarkRequest ForTask(long taskId) => new(BookmarkKinds.Task, TaskId: taskId);

    public static BookmarkRequest ForTimer(DateTime dueUtc) => new(BookmarkKinds.Timer, DueUtc: dueUtc);
}
