namespace InternalSocial.Workflows.Abstractions;

/// <summary>For the modules whose content waits in the moderation queue: keep what the queue shows of it current.</summary>
public interface IModerationTaskSubjects
{
    /// <summary>The open tasks about this content show <paramref name="summary"/>: the moderator decides on the current text.</summary>
    Task UpdateSummaryAsync(string subjectType, string subjectId, string summary, CancellationToken cancellationToken);
}
