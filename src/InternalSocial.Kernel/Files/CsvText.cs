using System.Text;

namespace InternalSocial.Kernel.Files;

/// <summary>
/// Writes CSV the way every export of the site does: RFC 4180 quoting, CRLF line ends, formula cells defused, UTF-8
/// with a byte order mark (without it Excel reads the file in the machine's legacy code page and breaks accents).
/// </summary>
public static class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that starts a stream with the byte order mark, for exports written as they are read.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static string Row(params string[] cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>
    /// RFC 4180 quoting, and a leading quote on cells starting with = + - @ (or a tab or carriage return) so that a
    /// spreadsheet shows them as text instead of running them as a formula.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A whole file's bytes: the byte order mark, then the text.</summary>
    public static byte[] Bytes(string content) => [.. Encoding.GetPreamble(), .. Encoding.GetBytes(content)];
}
