using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

/// <summary>One post card on a page; <paramref name="Detail"/> on the post's own page.</summary>
internal sealed record PostCardModel(PostCard Post, IReadOnlyList<ReactionTypeView> ReactionTypes, bool Detail, string ReturnUrl);
