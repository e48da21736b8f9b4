namespace InternalSocial.Feed.Endpoints;

/// <param name="GroupId">The group to relay into; null for the organisation-wide feed.</param>
internal sealed record RelayInput(string? Comment, long? GroupId = null);
