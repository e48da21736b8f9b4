using System.Text.Json.Serialization;

namespace InternalSocial.Feed.Services;

/// <summary>An author as the feed shows them. <see cref="PhotoUrl"/> is app-relative ("~/…"), for the pages only.</summary>
internal sealed record PersonView(string Id, string UserName, string DisplayName, bool IsGuest, bool IsFormerEmployee, bool IsErased, [property: JsonIgnore] string? PhotoUrl = null);
