using System.Security.Claims;
using InternalSocial.Feed.Abstractions;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.FeedBridge;

/// <summary>"Add a poll" in the feed's composer: checked with the post, created through <see cref="PollService"/> once the post is saved.</summary>
internal sealed class PollPostAddon(
    IServiceProvider services,
    PollValidator validator,
    PollsDbContext db,
    PostAddonPage page,
    IAuthorizationService authorization,
    IStringLocalizer<ModuleResources> T) : IPostAddon
{
    public string Key => "poll";

    public string Label => T["Add a poll"];

    public Type ComposerComponent => typeof(PollComposerViewComponent);

    public Type CardComponent => typeof(PostPollViewComponent);

    public bool IsFilledIn(PostAddonFields fields) => fields?["question"] is not null || fields?["options"] is not null;

    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(ClaimsPrincipal author, PostAddonFields fields, CancellationToken cancellationToken)
    {
        if (!await authorization.HasPermissionAsync(author, Permissions.CreatePolls))
        {
            return new Dictionary<string, string> { ["question"] = T["You may not create polls."] };
        }

        var (input, errors) = PollFormFields.Read(fields, T);
        foreach (var (field, problem) in validator.Validate(input).Errors)
        {
            errors.TryAdd(field, problem);
        }

        return errors;
    }

    // The poll service reaches the feed again (a post's readers come from IPostExcerpts, which needs the feed's post
    // service, which holds the add-ons): it is resolved when a poll is attached, not when the add-on is built.
    public Task AttachAsync(ClaimsPrincipal author, long postId, PostAddonFields fields, CancellationToken cancellationToken) =>
        services.GetRequiredService<PollService>().CreateAsync(author, PollFormFields.Read(fields, T).Input with { PostId = postId }, cancellationToken);

    /// <summary>The posts of a page carrying a poll or a quiz, in one query; remembered so the cards read the page's quizzes at once.</summary>
    public async Task<IReadOnlySet<long>> WithAddonAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        var ids = postIds.ToList();
        var found = await db.Polls.AsNoTracking()
            .Where(p => p.ContainerKind == ContainerKinds.Post && (p.Kind == PollKinds.Poll || p.Kind == PollKinds.Quiz) && p.ContainerId != null && ids.Contains(p.ContainerId.Value))
            .Select(p => new { PostId = p.ContainerId!.Value, p.Kind }).Distinct().ToListAsync(cancellationToken);
        page.Remember(
            found.Where(f => f.Kind == PollKinds.Poll).Select(f => f.PostId).ToHashSet(),
            found.Where(f => f.Kind == PollKinds.Quiz).Select(f => f.PostId).ToHashSet());
        return found.Select(f => f.PostId).ToHashSet();
    }
}
