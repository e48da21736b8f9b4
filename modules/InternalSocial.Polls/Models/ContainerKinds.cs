namespace InternalSocial.Polls.Models;

/// <summary>Where a poll lives; each kind but <see cref="None"/> needs a bridge that implements it.</summary>
internal static class ContainerKinds
{
    public const string None = "none";
    public const string Post = "post";
    public const string Group = "group";
}
