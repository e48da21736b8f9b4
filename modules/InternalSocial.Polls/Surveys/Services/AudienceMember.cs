namespace InternalSocial.Polls.Surveys;

/// <summary>A person as audiences see them: an active employee or not, their directory department and site, their groups' ids.</summary>
internal sealed record AudienceMember(string UserId, bool IsEmployee, string? Department, string? Site, IReadOnlyCollection<string> GroupIds);
