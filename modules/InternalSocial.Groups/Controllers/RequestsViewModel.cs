using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

internal sealed record RequestsViewModel(GroupSpaceViewModel Space, IReadOnlyList<JoinRequestItem> Requests);
