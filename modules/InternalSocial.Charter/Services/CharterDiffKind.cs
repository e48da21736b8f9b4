namespace InternalSocial.Charter.Services;

/// <summary>What happened to a line or a piece of text between two versions.</summary>
internal enum CharterDiffKind
{
    Same,
    Inserted,
    Deleted,

    /// <summary>A line edited in place: its pieces say which words went and came.</summary>
    Changed,
}
