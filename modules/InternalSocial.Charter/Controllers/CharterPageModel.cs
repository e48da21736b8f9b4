using InternalSocial.Charter.Services;

namespace InternalSocial.Charter.Controllers;

/// <summary>The charter page: the person's current charter rendered in <see cref="Language"/>, and where to go once accepted.</summary>
internal sealed record CharterPageModel(CharterForMe? Charter, string Html, string Language, IReadOnlyList<string> Languages, string? ReturnUrl);
