
namespace InternalSocial.Workflows.Services;

public static class ActivityOutcomes
{
    public const string Done = "done";
}
