

namespace InternalSocial.Workflows.Models;

internal enum TaskStatus
{
    Open = 0,
    Approved = 1,
    Rejected = 2,
    ChangesRequested = 3,
    Cancelled = 4,
}
