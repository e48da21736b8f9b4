using InternalSocial.Groups.Models;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

internal sealed record MemberItem(PersonSummary Person, GroupRole Role, DateTime JoinedUtc);
