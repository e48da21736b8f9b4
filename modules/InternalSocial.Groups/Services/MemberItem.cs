using InternalSocial.Groups.Models;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

public sealed record MemberItem(PersonSummary Person, GroupRole Role, DateTime JoinedUtc);
