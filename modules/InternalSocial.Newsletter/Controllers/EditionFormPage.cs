using InternalSocial.Feed.Services;
using InternalSocial.Newsletter.Services;

namespace InternalSocial.Newsletter.Controllers;

public sealed record EditionFormPage(long? Id, EditionForm Form, IReadOnlyList<AudienceGroup> GroupChoices, bool GroupsEnabled, IReadOnlyList<PostCard> RecentPosts);
