namespace InternalSocial.Kernel.Files;

/// <summary>Writes CSV the way every export of the site does: RFC 4180 quoting, CRLF line ends, formula cells defused.</summary>
public static class CsvText
{
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
}
