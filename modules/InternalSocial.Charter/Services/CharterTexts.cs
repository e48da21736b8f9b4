using System.Globalization;

namespace InternalSocial.Charter.Services;

/// <summary>Which of a version's texts a reader gets: their language, else English, else any.</summary>
internal static class CharterTexts
{
    public static string Pick(IReadOnlyDictionary<string, string> texts, CultureInfo culture) => Pick(texts, culture.TwoLetterISOLanguageName).Text;

    public static (string Language, string Text) Pick(IReadOnlyDictionary<string, string> texts, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.TryGetValue(language, out var text))
        {
            return (language, text);
        }

        return texts.TryGetValue("en", out var english) ? ("en", english) : texts.Select(t => (t.Key, t.Value)).FirstOrDefault(("en", ""));
    }
}
