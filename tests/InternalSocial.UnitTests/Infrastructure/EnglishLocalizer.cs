using System.Globalization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.UnitTests.Infrastructure;

/// <summary>The texts as written in the code (the English source), formatted with their arguments.</summary>
public sealed class EnglishLocalizer<T> : IStringLocalizer<T>
{
    public LocalizedString this[string name] => new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, name, arguments), resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
