namespace InternalSocial.Groups.Abstractions;

/// <summary>
/// A group and its space's header and tabs. <see cref="Header"/> is opaque to other modules: they render
/// <see cref="GroupSpaceViews.Header"/> with it as the model.
/// </summary>
public sealed record GroupSpacePage(GroupSpace Group, object Header);
