namespace InternalSocial.Charter.Events;

/// <summary>A version of an audience's charter was published; when <see cref="Material"/>, everyone of the audience must accept it.</summary>
internal sealed record CharterVersionPublished(string Audience, int Number, bool Material, string PublishedBy);
