using System.Globalization;
using System.Text;

namespace InternalSocial.Users.Services;

/// <summary>
/// The one way text is made comparable in the directory: upper case, accents removed, only letters and digits
/// ("Zoë O'Brien-Élan" → "ZOE O BRIEN ELAN"). Values folded here are compared ordinally on both databases.
/// </summary>
internal static class Folding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (upper is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(upper);
                space = false;
            }
            else if (char.IsLetterOrDigit(upper))
            {
                // Letters without an ASCII form (ß, ø, Greek, Cyrillic) are kept as they are.
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(upper);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The distinct words of a text, folded, at most <paramref name="max"/>, each cut to 100 characters.</summary>
    public static IReadOnlyList<string> Tokens(string? text, int max = 12) =>
        [.. Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Length > 100 ? t[..100] : t).Distinct(StringComparer.Ordinal).Take(max)];

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (ordinal order).</summary>
    public static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }

    /// <summary>A folded tag (skill, language), cut to the column's 100 characters.</summary>
    public static string Tag(string? text)
    {
        var folded = Fold(text);
        return folded.Length > 100 ? folded[..100] : folded;
    }
}
