using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InternalSocial.Workflows.Editor;

/// <summary>
/// Reads the editor's posted form. A step's inputs come from its type's description, so they are read by name
/// (<c>Activities[1].EscalateAfter</c>) into the row's values rather than bound to properties declared here.
/// </summary>
internal static partial class WorkflowEditorForm
{
    public static WorkflowEditorModel Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var model = new WorkflowEditorModel
        {
            OriginalId = Text(form, "OriginalId"),
            Id = Text(form, "Id"),
            Name = Text(form, "Name"),
            Description = Text(form, "Description"),
            Enabled = Flag(form, "Enabled") ?? true,
            Start = Text(form, "Start"),
        };
        foreach (var inputs in Rows(form, "Activities"))
        {
            var row = new ActivityRow();
            foreach (var (name, value) in inputs)
            {
                switch (name)
                {
                    case "Id": row.Id = value; break;
                    case "Type": row.Type = value; break;
                    case "Title": row.Title = value; break;
                    case "PropertiesJson": row.PropertiesJson = value; break;
                    case "Remove": row.Remove = IsTrue(value); break;
                    default: row.Values[name] = value; break;
                }
            }

            model.Activities.Add(row);
        }

        foreach (var inputs in Rows(form, "Transitions"))
        {
            model.Transitions.Add(new TransitionRow
            {
                From = inputs.GetValueOrDefault("From"),
                Outcome = inputs.GetValueOrDefault("Outcome"),
                To = inputs.GetValueOrDefault("To"),
                Remove = IsTrue(inputs.GetValueOrDefault("Remove")),
            });
        }

        return model;
    }

    /// <summary>The inputs of rows 0, 1, 2… by name, up to the first missing row (as MVC binds lists).</summary>
    private static List<Dictionary<string, string?>> Rows(IFormCollection form, string list)
    {
        var rows = new SortedDictionary<int, Dictionary<string, string?>>();
        foreach (var (key, values) in form)
        {
            if (RowInput().Match(key) is { Success: true } match && match.Groups["list"].Value == list)
            {
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (!rows.TryGetValue(index, out var inputs))
                {
                    rows[index] = inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
                }

                // A check box posts "true" then its hidden "false": the first value is the one meant.
                inputs[match.Groups["name"].Value] = EmptyToNull(values.FirstOrDefault());
            }
        }

        return [.. rows.TakeWhile((row, position) => row.Key == position).Select(row => row.Value)];
    }

    private static string? Text(IFormCollection form, string key) => EmptyToNull(form[key].FirstOrDefault());

    private static bool? Flag(IFormCollection form, string key) =>
        form.TryGetValue(key, out var values) && bool.TryParse(values.FirstOrDefault(), out var flag) ? flag : null;

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) && flag;

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^(?<list>Activities|Transitions)\[(?<index>\d{1,4})\]\.(?<name>[A-Za-z][A-Za-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RowInput();
}
