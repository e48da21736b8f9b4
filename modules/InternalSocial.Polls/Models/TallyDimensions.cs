namespace InternalSocial.Polls.Models;

internal static class TallyDimensions
{
    public const string All = "all";
    public const string Department = "department";
    public const string Site = "site";
}
