
namespace InternalSocial.Workflows.Abstractions.Activities;

public static class ActivityOutcomes
{
    public const string Done = "done";
}
