namespace InternalSocial.Newsletter.Services;

/// <summary>
/// An edition's content, ready to be written for each recipient: HTML whose links point at placeholders, and the list of
/// the links the edition contains (the click redirect goes only to these). Frozen when the edition is sent.
/// </summary>
internal sealed record EditionContent(string Title, string IntroHtml, string IntroText, IReadOnlyList<ContentBlock> Blocks, IReadOnlyList<string> Links, string BaseUrl);
