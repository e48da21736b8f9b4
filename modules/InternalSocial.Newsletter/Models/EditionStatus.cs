namespace InternalSocial.Newsletter.Models;

/// <summary>A draft can be changed; sending freezes it, and it is sent once all its mails are queued.</summary>
internal enum EditionStatus
{
    Draft = 0,

    /// <summary>Its recipients are fixed and their mails are being queued, chunk by chunk, in the background.</summary>
    Sending = 1,
    Sent = 2,
}
