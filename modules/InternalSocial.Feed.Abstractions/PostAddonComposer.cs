namespace InternalSocial.Feed.Abstractions;

/// <summary>
/// What an add-on's composer component renders: name its inputs <c>{Prefix}{field}</c> (ids with dots made
/// underscores); its errors are in the view's model state under the same names. <paramref name="Fields"/> holds what the
/// author sent when the form comes back with an error.
/// </summary>
public sealed record PostAddonComposer(string Prefix, PostAddonFields Fields)
{
    public string Name(string field) => Prefix + field;

    public string Id(string field) => (Prefix + field).Replace('.', '_');
}
