namespace InternalSocial.Polls.Services;

/// <summary>
/// Newest first; only the polls of one post or group when <see cref="PostId"/> or <see cref="GroupId"/> is given, else the
/// standalone polls; only the open (true) or closed (false) ones when <see cref="Open"/> is given.
/// </summary>
internal sealed record PollListQuery(long? PostId = null, long? GroupId = null, string? Cursor = null, int? Take = null, bool? Open = null);
