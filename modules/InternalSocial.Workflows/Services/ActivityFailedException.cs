namespace InternalSocial.Workflows.Services;

/// <summary>An activity threw: the instance faults, naming the activity.</summary>
internal sealed class ActivityFailedException(string activityId, Exception inner) : Exception($"{inner.GetType().Name}: {inner.Message}", inner)
{
    public string ActivityId { get; } = activityId;
}
