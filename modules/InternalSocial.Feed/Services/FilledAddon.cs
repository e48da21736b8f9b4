using InternalSocial.Feed.Abstractions;

namespace InternalSocial.Feed.Services;

/// <summary>An add-on the author filled in, checked: attached to each copy of the post once saved.</summary>
internal sealed record FilledAddon(IPostAddon Addon, PostAddonFields Fields);
