namespace InternalSocial.Workflows.Abstractions;

/// <summary>
/// The rules a moderator may cite when rejecting or sending back content (the editorial charter's). Registered by the
/// module that owns them; with none registered, the moderation forms offer no rule.
/// </summary>
public interface IModerationRules
{
    /// <summary>The current rules, in order, titled in the request's language; empty when there are none.</summary>
    Task<IReadOnlyList<ModerationRule>> ListAsync(CancellationToken cancellationToken);
}
