using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

public sealed record RequestsViewModel(GroupSpaceViewModel Space, IReadOnlyList<JoinRequestItem> Requests);
