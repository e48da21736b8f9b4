namespace InternalSocial.QuickLinks.Controllers;

internal sealed record ManageLinksViewModel(IReadOnlyList<Models.QuickLink> Links, NewLinkViewModel NewLink);
