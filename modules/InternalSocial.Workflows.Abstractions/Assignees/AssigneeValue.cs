namespace InternalSocial.Workflows.Abstractions.Assignees;

/// <summary>What an assignee key takes in a definition, which tells the editor its input and the check its rule.</summary>
public enum AssigneeValue
{
    /// <summary>A name of 1 to 100 characters (<c>{ "role": "Moderator" }</c>); the editor takes several, separated by commas.</summary>
    Name,

    /// <summary>The fact that holds the value (<c>{ "fact": "post.authorId" }</c>); it must be a known fact.</summary>
    Fact,

    /// <summary>Only <c>true</c> (<c>{ "groupModerators": true }</c>): the editor shows a check box.</summary>
    True,
}
