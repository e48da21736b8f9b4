using Microsoft.Extensions.Primitives;

namespace InternalSocial.Feed.Abstractions;

/// <summary>The values an author gave an add-on's fields, by field name without the composer's prefix.</summary>
public sealed class PostAddonFields(IReadOnlyDictionary<string, StringValues> values)
{
    public static PostAddonFields Empty { get; } = new(new Dictionary<string, StringValues>());

    public IReadOnlyDictionary<string, StringValues> Values { get; } = values;

    /// <summary>The field's value, trimmed; null when absent or blank.</summary>
    public string? this[string name] =>
        Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    /// <summary>A checkbox: true for <c>true</c> or <c>on</c>.</summary>
    public bool IsChecked(string name) => this[name] is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("on", StringComparison.OrdinalIgnoreCase));
}
