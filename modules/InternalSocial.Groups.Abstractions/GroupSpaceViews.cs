namespace InternalSocial.Groups.Abstractions;

/// <summary>The Groups module's views that the pages other modules add to a group space render.</summary>
public static class GroupSpaceViews
{
    /// <summary>The group's header and tabs; its model is <see cref="GroupSpacePage.Header"/>.</summary>
    public const string Header = "/Views/Groups/_GroupHeader.cshtml";

    /// <summary>The 404/403 page of the group space; its model is the status code.</summary>
    public const string Status = "/Views/Groups/Status.cshtml";
}
