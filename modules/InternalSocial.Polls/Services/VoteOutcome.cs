namespace InternalSocial.Polls.Services;

/// <summary>What became of a vote written in a batch; the request turns a refusal into its own (localised) 409.</summary>
internal enum VoteOutcome
{
    Written,

    /// <summary>A second answer to an anonymous poll: anonymous votes are final.</summary>
    AlreadyAnswered,

    /// <summary>The poll's anonymity read before the vote no longer holds.</summary>
    PollChanged,
}
