using System.Globalization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Localization;

/// <summary>Which form a count takes in a language: "one" (singular) or "other" (plural).</summary>
public enum PluralForm
{
    One,
    Other,
}

/// <summary>
/// Texts that hold a count, in the right form for the reader's language. English writes the singular for 1 only;
/// French for 0 and 1 ("0 commentaire", "1 commentaire", "2 commentaires"). Both English forms are keys of the
/// module's resources, each with its French translation:
/// <c>T.Plural(count, one, other)</c> in a view: one is <c>"{0} comment"</c>, other <c>"{0} comments"</c>.
/// The count is <c>{0}</c> (an English singular may write "1" instead, as French "one" also covers 0), written with the culture's digits and separators; further values are <c>{1}</c>, <c>{2}</c>…
/// </summary>
public static class Plurals
{
    /// <summary>The form <paramref name="count"/> takes in <paramref name="culture"/> (the UI culture when null).</summary>
    public static PluralForm FormOf(long count, CultureInfo? culture = null)
    {
        var language = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName;
        return language switch
        {
            // CLDR: French "one" is i = 0 or 1 (integers); 2 and more, and 1 000 000, are "other".
            "fr" => count is 0 or 1 or -1 ? PluralForm.One : PluralForm.Other,
            _ => count is 1 or -1 ? PluralForm.One : PluralForm.Other,
        };
    }

    /// <summary>The translation of <paramref name="one"/> or <paramref name="other"/>, whichever the count needs, with the count as <c>{0}</c>.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string one, string other, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(values);
        var key = FormOf(count) == PluralForm.One ? one : other;
        var arguments = new object[values.Length + 1];
        arguments[0] = count.ToString("N0", CultureInfo.CurrentCulture);
        values.CopyTo(arguments, 1);
        return localizer[key, arguments];
    }
}
