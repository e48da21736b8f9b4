using InternalSocial.Feed.Abstractions;
using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

internal sealed record EditionFormPage(long? Id, EditionForm Form, IReadOnlyList<AudienceGroup> GroupChoices, bool GroupsEnabled, IReadOnlyList<PostExcerpt> RecentPosts);
