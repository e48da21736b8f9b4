using System.Globalization;
using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Settings;
using InternalSocial.Newsletter.Models;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AudienceKinds = InternalSocial.Newsletter.Models.AudienceKinds;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Checks an edition's fields, its audience and its posts, and finds its recipients. No permission check: the services
/// that call it have made theirs.
/// </summary>
internal sealed class EditionValidator(
    NewsletterDbContext db,
    IPostExcerpts posts,
    IPeopleLookup people,
    IPeopleContacts contacts,
    INewsletterGroups groups,
    TenantUrls urls,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxTitle = 200;
    public const int MaxIntro = 10000;
    public const int MaxText = 5000;
    public const int MaxBlocks = 30;
    public const int MaxAudienceEntries = 50;
    public const int MaxAudienceValue = 100;

    /// <summary>A form's or a client's fields, trimmed; 400 naming every wrong field.</summary>
    public async Task<ValidEdition> ValidateAsync(ClaimsPrincipal user, EditionInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var valid = Normalize(input, errors);
        if (errors.Count == 0)
        {
            await CheckAudienceAndPostsAsync(user, valid, baseUrl: null, errors, cancellationToken);
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : valid;
    }

    /// <summary>
    /// A stored edition checked again (posts and people change after it was saved), with its content and recipients; its
    /// links start with the tenant's public address (409 when it has none).
    /// </summary>
    public async Task<CheckedEdition> ValidateStoredAsync(ClaimsPrincipal user, Edition edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var baseUrl = await urls.RequireBaseUrlAsync(cancellationToken);
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.EditionId == edition.Id).OrderBy(b => b.Position).Select(b => new BlockInput(b.PostId, b.Text)).ToListAsync(cancellationToken);
        var audience = await db.Audiences.AsNoTracking().Where(a => a.EditionId == edition.Id).ToListAsync(cancellationToken);
        var valid = new ValidEdition(
            edition.Title,
            edition.Intro,
            blocks,
            edition.AudienceEveryone,
            [.. audience.Where(a => a.Kind == AudienceKinds.Department).Select(a => a.Value)],
            [.. audience.Where(a => a.Kind == AudienceKinds.Site).Select(a => a.Value)],
            [.. audience.Where(a => a.Kind == AudienceKinds.Group).Select(a => long.Parse(a.Value, CultureInfo.InvariantCulture))]);
        var errors = new Dictionary<string, string>();
        var result = await CheckAudienceAndPostsAsync(user, valid, baseUrl, errors, cancellationToken);
        return errors.Count > 0 ? throw new InvalidInputException(errors) : result!;
    }

    private ValidEdition Normalize(EditionInput input, Dictionary<string, string> errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = T["The title is required."];
        }
        else if (title.Length > MaxTitle)
        {
            errors["title"] = T["The title must be at most {0} characters.", MaxTitle];
        }

        var intro = input.Intro?.Trim() ?? "";
        if (intro.Length > MaxIntro)
        {
            errors["intro"] = T["The introduction must be at most {0} characters.", MaxIntro];
        }

        var blocks = NormalizeBlocks(input.Blocks ?? [], errors);
        var audience = input.Audience ?? new EditionAudienceInput(false, null, null, null);
        var departments = Values(audience.Departments, "audience.departments", errors);
        var sites = Values(audience.Sites, "audience.sites", errors);
        var groupIds = (audience.Groups ?? []).Distinct().ToList();
        if (groupIds.Count > MaxAudienceEntries)
        {
            errors["audience.groups"] = T["Choose at most {0} groups.", MaxAudienceEntries];
        }

        if (audience.Everyone && (departments.Count > 0 || sites.Count > 0 || groupIds.Count > 0))
        {
            errors["audience"] = T["Choose everyone, or departments, sites and groups, not both."];
        }
        else if (!audience.Everyone && departments.Count == 0 && sites.Count == 0 && groupIds.Count == 0)
        {
            errors["audience"] = T["Choose everyone, or at least one department, site or group."];
        }

        return new ValidEdition(title, intro, blocks, audience.Everyone, departments, sites, groupIds);
    }

    private List<BlockInput> NormalizeBlocks(IReadOnlyList<BlockInput> blocks, Dictionary<string, string> errors)
    {
        if (blocks.Count > MaxBlocks)
        {
            errors["blocks"] = T["An edition has at most {0} blocks.", MaxBlocks];
        }

        var cleaned = new List<BlockInput>();
        var seen = new HashSet<long>();
        for (var i = 0; i < blocks.Count && i < MaxBlocks; i++)
        {
            var block = blocks[i];
            var text = block?.Text?.Trim();
            if (block?.PostId is { } postId)
            {
                if (!string.IsNullOrEmpty(text))
                {
                    errors[$"blocks[{i}]"] = T["A block is either a post or a text, not both."];
                }
                else if (!seen.Add(postId))
                {
                    errors[$"blocks[{i}].postId"] = T["Post {0} is already in this edition.", postId];
                }

                cleaned.Add(new BlockInput(postId, null));
            }
            else if (string.IsNullOrEmpty(text))
            {
                errors[$"blocks[{i}]"] = T["A block needs a post or a text."];
            }
            else if (text.Length > MaxText)
            {
                errors[$"blocks[{i}].text"] = T["A text block must be at most {0} characters.", MaxText];
            }
            else
            {
                cleaned.Add(new BlockInput(null, text));
            }
        }

        return cleaned;
    }

    private List<string> Values(IReadOnlyList<string>? values, string field, Dictionary<string, string> errors)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxAudienceEntries)
        {
            errors[field] = T["Choose at most {0}.", MaxAudienceEntries];
        }
        else if (list.FirstOrDefault(v => v.Length > MaxAudienceValue) is { } tooLong)
        {
            errors[field] = T["'{0}' is longer than {1} characters.", tooLong, MaxAudienceValue];
        }

        return list;
    }

    /// <summary>
    /// The rule that keeps a newsletter from leaking: each chosen post must be one every recipient may open. Posts for the
    /// whole company go to employees (not to guests that a chosen group brings in); a group's post goes only in an edition
    /// sent to exactly that group; posts meant for some departments or sites, unpublished or expired ones, never.
    /// </summary>
    private async Task<CheckedEdition?> CheckAudienceAndPostsAsync(ClaimsPrincipal user, ValidEdition input, string? baseUrl, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (!await CheckGroupsAsync(user, input.Groups, errors, cancellationToken))
        {
            return null;
        }

        var recipients = await RecipientsAsync(input, cancellationToken);
        var hasGuests = input.Groups.Count > 0 && (await people.GetByIdsAsync(recipients, cancellationToken)).Values.Any(p => p.IsGuest);
        var chosen = new List<(PostExcerpt? Post, string? Text)>();
        for (var i = 0; i < input.Blocks.Count; i++)
        {
            if (input.Blocks[i].PostId is not { } postId)
            {
                chosen.Add((null, input.Blocks[i].Text));
                continue;
            }

            if (await posts.FindAsync(user, postId, cancellationToken) is not { } post)
            {
                errors[$"blocks[{i}].postId"] = T["No post with id {0}.", postId];
                continue;
            }

            if (PostRefusal(postId, post, input.OnlyGroup, hasGuests) is { } refusal)
            {
                errors[$"blocks[{i}].postId"] = refusal;
            }

            chosen.Add((post, null));
        }

        return baseUrl is null || errors.Count > 0 ? null : new CheckedEdition(NewsletterContent.Build(input.Title, input.Intro, chosen, baseUrl, posts), recipients);
    }

    /// <summary>False, with the errors, when a chosen group is unknown to the composer or the groups feature is off.</summary>
    private async Task<bool> CheckGroupsAsync(ClaimsPrincipal user, IReadOnlyList<long> groupIds, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0)
        {
            return true;
        }

        if (!groups.Enabled)
        {
            errors["audience.groups"] = T["Sending to groups needs the feature 'Newsletter to groups'."];
            return false;
        }

        var names = await groups.GetNamesAsync(groupIds, user, cancellationToken);
        for (var i = 0; i < groupIds.Count; i++)
        {
            if (!names.ContainsKey(groupIds[i]))
            {
                errors[$"audience.groups[{i}]"] = T["No group with id {0}.", groupIds[i]];
            }
        }

        return errors.Count == 0;
    }

    /// <summary>Why some recipient could not open the post, or null when all can.</summary>
    private string? PostRefusal(long postId, PostExcerpt post, long? onlyGroup, bool hasGuests)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!post.IsPublished || post.PublishedUtc > now || post.ExpiresUtc <= now)
        {
            return T["Post {0} is not published, or no longer: only published posts go in a newsletter.", postId].Value;
        }

        if (post.GroupId is { } groupId)
        {
            return groupId == onlyGroup ? null
                : T["Post {0} belongs to the group '{1}': it can go only in an edition sent to that group alone, whose members may read it.", postId, post.GroupName ?? groupId.ToString(CultureInfo.InvariantCulture)].Value;
        }

        if (!post.AudienceEveryone)
        {
            return T["Post {0} is meant for some departments or sites only: recipients outside them could not open it.", postId].Value;
        }

        return hasGuests ? T["Post {0} is for employees, but the chosen groups have guests, who could not open it.", postId].Value : null;
    }

    /// <summary>Active employees of the chosen departments and sites (or all of them), and the active members of the chosen groups, minus those who unsubscribed.</summary>
    private async Task<IReadOnlyList<string>> RecipientsAsync(ValidEdition input, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (input.Everyone || input.Departments.Count > 0 || input.Sites.Count > 0)
        {
            ids.UnionWith(await people.GetActiveEmployeeIdsAsync(input.Departments, input.Sites, cancellationToken));
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupId in input.Groups)
        {
            members.UnionWith(await groups.GetMemberIdsAsync(groupId, cancellationToken));
        }

        members.ExceptWith(ids);
        if (members.Count > 0)
        {
            var reach = await contacts.GetContactsAsync(members, cancellationToken);
            ids.UnionWith(members.Where(m => reach.TryGetValue(m, out var contact) && contact.IsActive));
        }

        var optedOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            optedOut.UnionWith(await db.OptOuts.AsNoTracking().Where(o => chunk.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(cancellationToken));
        }

        return [.. ids.Where(id => !optedOut.Contains(id)).Order(StringComparer.Ordinal)];
    }
}
