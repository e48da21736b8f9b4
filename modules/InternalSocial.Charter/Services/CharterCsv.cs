namespace InternalSocial.Charter.Services;

/// <summary>A CSV file ready to send: its name and its text (UTF-8, CRLF line ends).</summary>
internal sealed record CharterCsv(string FileName, string Content);
