using System.Text;

namespace InternalSocial.Users.Services;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, new lines inside quotes; each record with its first line number.</summary>
internal static class Csv
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            switch (ch)
            {
                case '"' when field.Length == 0:
                    any = true;
                    line += ReadQuoted(reader, field);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }

    /// <summary>
    /// Reads a quoted field's text up to its closing quote (a doubled quote is one quote, a new line is kept) and
    /// returns how many new lines it held. An unclosed quote runs to the end of the file.
    /// </summary>
    private static int ReadQuoted(TextReader reader, StringBuilder field)
    {
        var newLines = 0;
        int c;
        while ((c = reader.Read()) != -1)
        {
            if (c == '"')
            {
                if (reader.Peek() != '"')
                {
                    return newLines;
                }

                reader.Read();
            }
            else if (c == '\n')
            {
                newLines++;
            }

            field.Append((char)c);
        }

        return newLines;
    }
}
