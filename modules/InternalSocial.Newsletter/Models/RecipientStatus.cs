namespace InternalSocial.Newsletter.Models;

internal enum RecipientStatus
{
    Pending = 0,

    /// <summary>Taken by one node's sender, which writes the mail.</summary>
    Claimed = 1,
    Queued = 2,

    /// <summary>No mail written: no address any more, or the account was deactivated meanwhile.</summary>
    Skipped = 3,
}
