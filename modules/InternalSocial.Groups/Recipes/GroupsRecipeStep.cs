using System.Text.Json.Nodes;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Recipes;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Recipes;

/// <summary>
/// <c>{ "name": "groups", "groups": [ { "slug": "all-company", "name": "All company", "description": "…", "type": "community",
/// "visibility": "public", "postingPolicy": "adminsOnly", "postsNeedApproval": false, "mandatory": true, "archived": false,
/// "modules": { "polls": false }, "rules": [ { "kind": "site", "value": "Lyon" } ], "members": [ { "userName": "admin", "role": "owner" } ] } ] }</c>.
/// Upserts each group by slug; absent fields keep their value (or the default on creation); rules, when given, replace the
/// group's rules and are applied; members are added (never removed).
/// </summary>
internal sealed class GroupsRecipeStep(GroupsDbContext db, GroupsService groups, GroupRoster roster, MembershipRuleService membershipRules, PeopleDirectory people, RecipeValidationContext validation, IStringLocalizer<ModuleResources> T) : IRecipeStepHandler
{
    private static readonly string[] GroupFields = ["slug", "name", "description", "type", "visibility", "postingPolicy", "postsNeedApproval", "mandatory", "archived", "modules", "rules", "members"];

    public string StepName => "groups";

    /// <summary>
    /// A group by slug. Absent fields keep their value, so the later definition is laid over the earlier one (its rules,
    /// when given, are the group's rules); members are only ever added, so both lists are added.
    /// </summary>
    public RecipeStepItems? Items => new("groups", "slug", (earlier, later) =>
    {
        var merged = RecipeStepItems.Overlaid(earlier, later);
        if (earlier["members"] is JsonArray before && later["members"] is JsonArray after)
        {
            merged["members"] = new JsonArray([.. before.Concat(after).Select(m => m?.DeepClone())]);
        }

        return merged;
    });

    /// <summary>Creates and configures any group, mandatory ones and membership rules included: <see cref="Permissions.ManageGroups"/>.</summary>
    public Task<IReadOnlyCollection<Permission>?> RequiredPermissionsAsync(RecipeStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<Permission>?>([Permissions.ManageGroups]);

    public async Task ValidateAsync(RecipeStep step, ICollection<RecipeError> errors, CancellationToken cancellationToken)
    {
        var reader = new RecipeStepReader(step, errors);
        reader.RejectUnknownFields(step.Data, "", "groups");
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, path) in reader.Objects(step.Data, "", "groups", required: true))
        {
            reader.RejectUnknownFields(group, path, GroupFields);
            await CheckIdentityAsync(reader, group, path, slugs, names, cancellationToken);
            CheckEnum<GroupType>(reader, group, path, "type");
            CheckEnum<GroupVisibility>(reader, group, path, "visibility");
            CheckEnum<PostingPolicy>(reader, group, path, "postingPolicy");
            reader.Flag(group, path, "postsNeedApproval");
            reader.Flag(group, path, "mandatory");
            reader.Flag(group, path, "archived");
            CheckModules(reader, group, path);
            CheckRules(reader, group, path);
            await CheckMembersAsync(reader, group, path, cancellationToken);
        }
    }

    public async Task ExecuteAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        foreach (var node in step.Data["groups"]!.AsArray().OfType<JsonObject>())
        {
            var slug = RecipeStepReader.TextOf(node, "slug")!;
            var input = new GroupInput(
                RecipeStepReader.TextOf(node, "name"),
                RecipeStepReader.TextOf(node, "description"),
                ParseEnum<GroupType>(node, "type"),
                ParseEnum<GroupVisibility>(node, "visibility"),
                ParseEnum<PostingPolicy>(node, "postingPolicy"),
                FlagOf(node, "postsNeedApproval"),
                FlagOf(node, "mandatory"),
                slug);
            var existing = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, cancellationToken);
            var group = existing is null
                ? await groups.CreateUncheckedAsync(input, "", cancellationToken)
                : await groups.UpdateUncheckedAsync(existing.Id, input, cancellationToken);
            if (FlagOf(node, "archived") is { } archived && archived != group.IsArchived)
            {
                await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.IsArchived, archived), cancellationToken);
            }

            if (node["modules"] is JsonObject modules)
            {
                foreach (var (key, value) in modules)
                {
                    var enabled = value!.GetValue<bool>();
                    var setting = await db.ModuleSettings.FirstOrDefaultAsync(s => s.GroupId == group.Id && s.ModuleKey == key, cancellationToken);
                    if (setting is null)
                    {
                        db.ModuleSettings.Add(new GroupModuleSetting { GroupId = group.Id, ModuleKey = key, IsEnabled = enabled });
                    }
                    else
                    {
                        setting.IsEnabled = enabled;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            if (node["members"] is JsonArray members)
            {
                foreach (var byRole in members.OfType<JsonObject>().GroupBy(m => ParseEnum<GroupRole>(m, "role") ?? GroupRole.Member))
                {
                    var (found, _) = await people.ResolveAsync(byRole.Select(m => RecipeStepReader.TextOf(m, "userName")!).ToList(), cancellationToken);
                    await roster.AddAsync(group.Id, found.Select(p => p.Id).ToList(), byRole.Key, cancellationToken);
                }
            }

            if (node["rules"] is JsonArray rules)
            {
                await ReplaceRulesAsync(group.Id, rules, cancellationToken);
                await membershipRules.ApplyRulesUncheckedAsync(group.Id, cancellationToken);
            }
        }
    }

    /// <summary>The group's rules become these, unless they are these already: the same rules again keep their rows.</summary>
    private async Task ReplaceRulesAsync(long groupId, JsonArray rules, CancellationToken cancellationToken)
    {
        var wanted = rules.OfType<JsonObject>()
            .Select(r => new RuleInput(ParseEnum<MembershipRuleKind>(r, "kind")!.Value, RecipeStepReader.TextOf(r, "value"))).ToList();
        var stored = await db.MembershipRules.AsNoTracking().Where(r => r.GroupId == groupId).OrderBy(r => r.Id)
            .Select(r => new { r.Kind, r.Value }).ToListAsync(cancellationToken);
        if (!stored.Select(r => (r.Kind, r.Value)).SequenceEqual(wanted.Select(r => (r.Kind, r.Value?.Trim() ?? ""))))
        {
            await membershipRules.ReplaceRulesAsync(groupId, wanted, cancellationToken);
        }
    }

    /// <summary>
    /// Whether another group (another slug) already has this name. When the recipe itself turns Groups on, the tables
    /// do not exist yet and no group can have the name (the unique index still guards the apply).
    /// </summary>
    /// <summary>The slug, name and description: well formed, once in the step, and the name nobody else's.</summary>
    private async Task CheckIdentityAsync(RecipeStepReader reader, JsonObject group, string path, HashSet<string> slugs, HashSet<string> names, CancellationToken cancellationToken)
    {
        var slug = reader.Text(group, path, "slug", required: true);
        if (slug is not null && (slug.Length > 80 || GroupNames.Slugify(slug) != slug))
        {
            reader.Error($"{path}.slug", T["must be lower-case letters, digits and dashes (at most 80), not only digits, and not 'new', 'picker', 'modules' or 'invitations'."]);
        }
        else if (slug is not null && !slugs.Add(slug))
        {
            reader.Error($"{path}.slug", T["group '{0}' is listed twice in this step.", slug]);
        }

        var name = reader.Text(group, path, "name", required: true);
        if (name?.Trim().Length > GroupsService.MaxNameLength)
        {
            reader.Error($"{path}.name", T["must be at most {0} characters.", GroupsService.MaxNameLength]);
        }
        else if (name is not null && !names.Add(name.Trim()))
        {
            reader.Error($"{path}.name", T["the name '{0}' is used twice in this step.", name]);
        }
        else if (name is not null && slug is not null)
        {
            if (await NameTakenAsync(name.Trim().ToUpperInvariant(), slug, cancellationToken))
            {
                reader.Error($"{path}.name", T["another group is already named '{0}'.", name]);
            }
        }

        if (reader.Text(group, path, "description")?.Length > GroupsService.MaxDescriptionLength)
        {
            reader.Error($"{path}.description", T["must be at most {0} characters.", GroupsService.MaxDescriptionLength]);
        }
    }

    private void CheckModules(RecipeStepReader reader, JsonObject group, string path)
    {
        switch (group["modules"])
        {
            case null:
                break;
            case JsonObject modules:
                foreach (var (key, value) in modules)
                {
                    if (value is not JsonValue flag || !flag.TryGetValue<bool>(out _))
                    {
                        reader.Error($"{path}.modules.{key}", T["must be true or false."]);
                    }
                }

                break;
            default:
                reader.Error($"{path}.modules", T["must be an object of module key → true or false."]);
                break;
        }
    }

    private void CheckRules(RecipeStepReader reader, JsonObject group, string path)
    {
        foreach (var (rule, rulePath) in reader.Objects(group, path, "rules"))
        {
            reader.RejectUnknownFields(rule, rulePath, "kind", "value");
            var kind = reader.Text(rule, rulePath, "kind", required: true);
            var parsed = kind is not null && Enum.TryParse<MembershipRuleKind>(kind, ignoreCase: true, out var known) && Enum.IsDefined(known) && !int.TryParse(kind, out _) ? known : (MembershipRuleKind?)null;
            if (kind is not null && parsed is null)
            {
                reader.Error($"{rulePath}.kind", T["must be department, site or everyone."]);
            }

            if (reader.Text(rule, rulePath, "value", required: parsed is not MembershipRuleKind.Everyone)?.Length > 200)
            {
                reader.Error($"{rulePath}.value", T["must be at most 200 characters."]);
            }
        }
    }

    private async Task CheckMembersAsync(RecipeStepReader reader, JsonObject group, string path, CancellationToken cancellationToken)
    {
        var members = reader.Objects(group, path, "members");
        var wanted = new List<(string UserName, string Path)>();
        foreach (var (member, memberPath) in members)
        {
            reader.RejectUnknownFields(member, memberPath, "userName", "role");
            if (reader.Text(member, memberPath, "userName", required: true) is { Length: > 0 } userName)
            {
                wanted.Add((userName, $"{memberPath}.userName"));
            }

            if (reader.Text(member, memberPath, "role") is { } role && !Enum.TryParse<GroupRole>(role, ignoreCase: true, out _))
            {
                reader.Error($"{memberPath}.role", T["must be member, moderator, admin or owner."]);
            }
        }

        if (wanted.Count > 0)
        {
            var (_, unknown) = await people.ResolveAsync(wanted.Select(w => w.UserName).ToList(), cancellationToken);
            foreach (var (userName, memberPath) in wanted.Where(w => unknown.Contains(w.UserName, StringComparer.OrdinalIgnoreCase)))
            {
                reader.Error(memberPath, T["nobody has the user name '{0}'.", userName]);
            }
        }
    }

    private async Task<bool> NameTakenAsync(string normalized, string slug, CancellationToken cancellationToken) =>
        !validation.IsNew("InternalSocial.Groups")
        && await db.Groups.AnyAsync(g => g.NormalizedName == normalized && g.Slug != slug, cancellationToken);

    private void CheckEnum<TEnum>(RecipeStepReader reader, JsonObject node, string path, string field)
        where TEnum : struct, Enum
    {
        if (reader.Text(node, path, field) is { } text && (!Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(text, out _)))
        {
            reader.Error($"{path}.{field}", T["must be one of: {0}.", string.Join(", ", Enum.GetNames<TEnum>().Select(GroupsExporter.Camel))]);
        }
    }

    private static TEnum? ParseEnum<TEnum>(JsonObject node, string field)
        where TEnum : struct, Enum =>
        RecipeStepReader.TextOf(node, field) is { } text && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) ? value : null;

    private static bool? FlagOf(JsonObject node, string field) =>
        node[field] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;
}
