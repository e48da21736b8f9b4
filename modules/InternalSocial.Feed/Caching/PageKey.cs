
namespace InternalSocial.Feed.Caching;

/// <summary>
/// What a checked first page is kept under: the reader's streams, in order, and the page size, compared as values.
/// Never joined into text: a department or site holding a separator would otherwise name another reader's streams.
/// </summary>
internal sealed class PageKey(IReadOnlyList<StreamKey> streams, int size) : IEquatable<PageKey>
{
    public IReadOnlyList<StreamKey> Streams { get; } = [.. streams];

    public int Size { get; } = size;

    public bool Equals(PageKey? other) =>
        other is not null && other.Size == Size && other.Streams.SequenceEqual(Streams);

    public override bool Equals(object? obj) => Equals(obj as PageKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Size);
        foreach (var stream in Streams)
        {
            hash.Add(stream);
        }

        return hash.ToHashCode();
    }
}
