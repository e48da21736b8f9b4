using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Controllers;

/// <summary>A comment or a reply on the post's page, with its reactions and who gave them.</summary>
internal sealed record CommentItemModel(CommentView Comment, IReadOnlyList<ReactionTypeView> ReactionTypes, IReadOnlyList<Reactor> Reactors, string ReturnUrl);
