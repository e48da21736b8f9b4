using System.Text;

namespace InternalSocial.IntegrationTests.Host;

/// <summary>
/// A block of a Markdown file between <c>&lt;!-- generated:{name} --&gt;</c> and <c>&lt;!-- /generated:{name} --&gt;</c>,
/// written by a test from the code so that the page cannot drift from it.
/// </summary>
public static class GeneratedDocBlock
{
    public const string UpdateVariable = "INTERNALSOCIAL_UPDATE_DOCS";

    public const string UpdateCommand = UpdateVariable + "=1 dotnet test tests/InternalSocial.IntegrationTests --filter DocsInSync";

    /// <summary>
    /// Compares the block with <paramref name="expected"/>; returns null when equal, or what differs. When they differ
    /// and <see cref="UpdateVariable"/> is 1, the block is rewritten (the caller still fails, so a run never hides it).
    /// </summary>
    public static string? Check(string file, string name, string expected)
    {
        var (open, close) = ($"<!-- generated:{name} -->", $"<!-- /generated:{name} -->");
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf(close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return $"{Path.GetFileName(file)} has no block '{open}' … '{close}'; add the two markers where the table goes, then run: {UpdateCommand}";
        }

        var bodyStart = start + open.Length;
        var actual = text[bodyStart..end].Trim('\n');
        expected = expected.ReplaceLineEndings("\n").Trim('\n');
        if (actual == expected)
        {
            return null;
        }

        var updated = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (updated)
        {
            File.WriteAllText(file, text[..bodyStart] + "\n" + expected + "\n" + text[end..]);
        }

        return Describe(Path.GetFileName(file), name, expected, actual, updated);
    }

    private static string Describe(string file, string name, string expected, string actual, bool updated)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var message = new StringBuilder()
            .AppendLine($"The '{name}' block of {file} differs from the code, from its line {line + 1}:")
            .AppendLine($"  the code gives: {(line < expectedLines.Length ? expectedLines[line] : "(nothing more)")}")
            .AppendLine($"  the page says:  {(line < actualLines.Length ? actualLines[line] : "(nothing more)")}");
        message.AppendLine(updated
            ? $"{UpdateVariable}=1: the block was rewritten; review the change and commit it."
            : $"Regenerate it with: {UpdateCommand}");
        return message.ToString();
    }
}
