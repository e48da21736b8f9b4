using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Compares two texts of a charter (the Markdown source, so a reader sees exactly what was written): lines first,
/// then, for lines edited in place, words. The result is plain text with kinds; the view encodes every piece.
/// </summary>
internal static class CharterDiff
{
    public static IReadOnlyList<CharterDiffLine> Compare(string before, string after)
    {
        var lines = Differ.Instance.CreateDiffs(Normalize(before), Normalize(after), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var result = new List<CharterDiffLine>();
        var oldAt = 0;
        foreach (var block in lines.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++)
            {
                result.Add(Whole(CharterDiffKind.Same, lines.PiecesOld[oldAt]));
            }

            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < paired; i++)
            {
                result.Add(new CharterDiffLine(CharterDiffKind.Changed, Words(lines.PiecesOld[block.DeleteStartA + i], lines.PiecesNew[block.InsertStartB + i])));
            }

            for (var i = paired; i < block.DeleteCountA; i++)
            {
                result.Add(Whole(CharterDiffKind.Deleted, lines.PiecesOld[block.DeleteStartA + i]));
            }

            for (var i = paired; i < block.InsertCountB; i++)
            {
                result.Add(Whole(CharterDiffKind.Inserted, lines.PiecesNew[block.InsertStartB + i]));
            }

            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldAt < lines.PiecesOld.Count; oldAt++)
        {
            result.Add(Whole(CharterDiffKind.Same, lines.PiecesOld[oldAt]));
        }

        return result;
    }

    /// <summary>The words of one line edited in place, in reading order: kept, then deleted before inserted.</summary>
    private static List<CharterDiffPiece> Words(string before, string after)
    {
        var words = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<CharterDiffPiece>();
        var oldAt = 0;
        foreach (var block in words.DiffBlocks)
        {
            Add(pieces, CharterDiffKind.Same, words.PiecesOld, oldAt, block.DeleteStartA - oldAt);
            Add(pieces, CharterDiffKind.Deleted, words.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(pieces, CharterDiffKind.Inserted, words.PiecesNew, block.InsertStartB, block.InsertCountB);
            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, CharterDiffKind.Same, words.PiecesOld, oldAt, words.PiecesOld.Count - oldAt);
        return pieces;
    }

    private static void Add(List<CharterDiffPiece> pieces, CharterDiffKind kind, IReadOnlyList<string> source, int start, int count)
    {
        if (count > 0)
        {
            pieces.Add(new CharterDiffPiece(kind, string.Concat(source.Skip(start).Take(count))));
        }
    }

    private static CharterDiffLine Whole(CharterDiffKind kind, string text) => new(kind, [new CharterDiffPiece(kind, text)]);

    private static string Normalize(string text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}
