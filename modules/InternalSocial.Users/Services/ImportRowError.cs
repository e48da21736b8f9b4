namespace InternalSocial.Users.Services;

/// <param name="Line">The line of the file where the row starts (the header is line 1).</param>
internal sealed record ImportRowError(int Line, string Field, string Reason);
