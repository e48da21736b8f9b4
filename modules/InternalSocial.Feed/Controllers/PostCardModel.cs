using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

/// <summary>
/// One post card on a page; <paramref name="Detail"/> on the post's own page. <paramref name="Addons"/>: the view
/// components of the add-ons the post carries (<see cref="PostAddons.CardsAsync"/>), rendered per request.
/// </summary>
internal sealed record PostCardModel(PostCard Post, IReadOnlyList<ReactionTypeView> ReactionTypes, bool Detail, string ReturnUrl, IEnumerable<Type>? Addons = null);
