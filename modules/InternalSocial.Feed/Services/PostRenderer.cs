using InternalSocial.Kernel.Shells;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Feed.Services;

/// <summary>Turns the Markdown of a post or a comment into the safe HTML readers see.</summary>
internal sealed class PostRenderer(IPeopleLookup people, ShellSettings shell)
{
    /// <summary>Renders Markdown to safe HTML, resolving @mentions in one lookup.</summary>
    public async Task<RenderedContent> RenderAsync(string body, CancellationToken cancellationToken)
    {
        var names = ContentRenderer.ParseMentions(body);
        var found = names.Count == 0 ? new Dictionary<string, PersonSummary>() : await people.GetByUserNamesAsync(names, cancellationToken);
        var mentioned = found.Where(p => p.Value.IsActive).ToDictionary(p => p.Key, p => (p.Value.Id, p.Value.UserName));
        var pathBase = shell.RequestUrlPrefix.Length > 0 ? "/" + shell.RequestUrlPrefix : "";
        var html = ContentRenderer.Render(body, mentioned, pathBase);
        return new RenderedContent(html, ContentRenderer.ParseTags(body), mentioned.Values.ToDictionary(p => p.Id, p => p.UserName));
    }
}
