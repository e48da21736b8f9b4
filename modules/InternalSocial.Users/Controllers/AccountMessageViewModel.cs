namespace InternalSocial.Users.Controllers;

/// <summary>A page that only says something, with an optional link.</summary>
internal sealed record AccountMessageViewModel(string Title, string Text, string? LinkText = null, string? LinkUrl = null);
