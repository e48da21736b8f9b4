using System.Globalization;
using System.Text.Json.Nodes;
using InternalSocial.Feed.Events;
using InternalSocial.Feed.Models;
using InternalSocial.Feed.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Modules;
using InternalSocial.Users.Services;
using InternalSocial.Workflows.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Feed.WorkflowsBridge;

public sealed class PublishPostActivity : PostDecisionActivity
{
    public override string Type => "feed.publishPost";

    public override string DisplayName => "Publish the post";

    protected override Task DecideAsync(IPostModeration moderation, long postId, CancellationToken cancellationToken) => moderation.PublishAsync(postId, cancellationToken);
}
