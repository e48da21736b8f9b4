using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel.Modules;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.IntegrationTests.Probe;

/// <summary>
/// A post add-on as polls are: a note field in the composer ("refuse" is refused), the note kept in the probe's table
/// as <c>addon:{postId}:{note}</c>, one query per page of cards, and the note in the card.
/// </summary>
public sealed class ProbePostAddon(ProbeDbContext db) : IPostAddon
{
    public const string Prefix = "addon:";

    /// <summary>How many times the feed asked which posts carry the note, by tenant database: once per page.</summary>
    public static ConcurrentDictionary<string, int> PageCalls { get; } = new();

    public string Key => "probe";

    public string Label => "Add a probe note";

    public Type ComposerComponent => typeof(ProbeAddonComposerViewComponent);

    public Type CardComponent => typeof(ProbeAddonCardViewComponent);

    public bool IsFilledIn(PostAddonFields fields) => fields?["note"] is not null;

    public Task<IReadOnlyDictionary<string, string>> ValidateAsync(ClaimsPrincipal author, PostAddonFields fields, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(fields?["note"] == "refuse"
            ? new Dictionary<string, string> { ["note"] = "The probe refuses this note." }
            : new Dictionary<string, string>());

    public async Task AttachAsync(ClaimsPrincipal author, long postId, PostAddonFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        db.Notes.Add(new ProbeNote { Text = $"{Prefix}{postId.ToString(CultureInfo.InvariantCulture)}:{fields["note"]}", CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<long>> WithAddonAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        PageCalls.AddOrUpdate(db.Database.GetConnectionString() ?? "", 1, (_, n) => n + 1);
        var notes = await db.Notes.Where(n => n.Text.StartsWith(Prefix)).Select(n => n.Text).ToListAsync(cancellationToken);
        return notes.Select(PostIdOf).Where(postIds.Contains).ToHashSet();
    }

    public static long PostIdOf(string text) => long.Parse(text[Prefix.Length..text.IndexOf(':', Prefix.Length)], CultureInfo.InvariantCulture);
}

public sealed class ProbeAddonComposerViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(PostAddonComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        var encoder = HtmlEncoder.Default;
        var error = ViewData.ModelState.TryGetValue(composer.Name("note"), out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<label for=\"{composer.Id("note")}\">Note</label><input id=\"{composer.Id("note")}\" name=\"{encoder.Encode(composer.Name("note"))}\" value=\"{encoder.Encode(composer.Fields["note"] ?? "")}\" /><span class=\"field-error probe-error\">{encoder.Encode(error)}</span>"));
    }
}

public sealed class ProbeAddonCardViewComponent(ProbeDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long postId)
    {
        var key = $"{ProbePostAddon.Prefix}{postId.ToString(CultureInfo.InvariantCulture)}:";
        var note = await db.Notes.Where(n => n.Text.StartsWith(key)).Select(n => n.Text).FirstAsync();
        return new HtmlContentViewComponentResult(new HtmlString($"<p class=\"probe-addon\">{HtmlEncoder.Default.Encode(note[key.Length..])}</p>"));
    }
}

[ForFeature("InternalSocial.Probe.PostAddon")]
public sealed class ProbePostAddonStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<IPostAddon, ProbePostAddon>();
}
