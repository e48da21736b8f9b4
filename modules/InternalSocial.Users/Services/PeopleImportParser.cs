using InternalSocial.Kernel;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <summary>
/// Reads an import file: its header, then each row checked on its own (fields, duplicates in the file). A bad row is
/// reported by its line and left out; a bad header or too many rows refuses the whole file.
/// </summary>
internal sealed class PeopleImportParser(UserManager<User> userManager, IStringLocalizer<ModuleResources> T)
{
    internal List<ImportRow> Parse(TextReader csv, List<ImportRowError> errors)
    {
        using var records = Csv.Read(csv).GetEnumerator();
        var header = ReadHeader(records);
        var rows = new List<ImportRow>();
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (rows.Count + errors.Count >= PeopleImportService.MaxRows)
            {
                throw new InvalidInputException("file", T["At most {0} rows in one file.", PeopleImportService.MaxRows]);
            }

            if (fields.Count != header.Count)
            {
                errors.Add(new ImportRowError(line, "line", T["{0} fields where the header has {1}.", fields.Count, header.Count]));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = fields[i].Trim();
            }

            if ((RowProblem(values) ?? DuplicateProblem(values, line, emails, names)) is { } problem)
            {
                errors.Add(new ImportRowError(line, problem.Field, problem.Reason));
                continue;
            }

            var row = new ImportRow { Line = line, Email = values["email"], NormalizedEmail = userManager.NormalizeEmail(values["email"]) };
            foreach (var (key, value) in values)
            {
                row.Values[key] = value;
            }

            rows.Add(row);
        }

        return rows;
    }

    private List<string> ReadHeader(IEnumerator<(int Line, IReadOnlyList<string> Fields)> records)
    {
        if (!records.MoveNext())
        {
            throw new InvalidInputException("file", T["The file is empty: it needs a header line, e.g. {0}.", string.Join(",", PeopleImportService.Columns)]);
        }

        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var unknown = header.FirstOrDefault(h => !PeopleImportService.Columns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new InvalidInputException("file", T["Unknown column '{0}'; the columns are: {1}.", unknown, string.Join(", ", PeopleImportService.Columns)]);
        }

        if (!header.Contains("email", StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidInputException("file", T["The header must have an 'email' column."]);
        }

        return header;
    }

    /// <summary>An e-mail or user name already on an earlier line of the file; else the row's are noted as taken.</summary>
    private (string Field, string Reason)? DuplicateProblem(Dictionary<string, string> values, int line, Dictionary<string, int> emails, Dictionary<string, int> names)
    {
        var email = values["email"];
        var normalizedEmail = userManager.NormalizeEmail(email);
        if (emails.TryGetValue(normalizedEmail, out var first))
        {
            return ("email", T["The e-mail '{0}' is already on line {1}.", email, first]);
        }

        var userName = values.GetValueOrDefault("userName") is { Length: > 0 } given ? userManager.NormalizeName(given) : null;
        if (userName is not null && names.TryGetValue(userName, out var firstName))
        {
            return ("userName", T["The user name '{0}' is already on line {1}.", values["userName"], firstName]);
        }

        emails[normalizedEmail] = line;
        if (userName is not null)
        {
            names[userName] = line;
        }

        return null;
    }

    private (string Field, string Reason)? RowProblem(Dictionary<string, string> values)
    {
        var email = values.GetValueOrDefault("email", "");
        if (email.Length == 0 || email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return ("email", email.Length == 0 ? T["The e-mail is required."] : T["'{0}' is not a valid e-mail address.", email]);
        }

        var userName = values.GetValueOrDefault("userName", "");
        var allowed = userManager.Options.User.AllowedUserNameCharacters;
        if (userName.Length > 256 || userName.Any(c => !allowed.Contains(c, StringComparison.Ordinal)))
        {
            return ("userName", T["A user name has at most 256 letters, digits and - . _ @ +."]);
        }

        foreach (var field in new[] { "displayName", "jobTitle", "department", "site" })
        {
            if (values.GetValueOrDefault(field)?.Length > ProfileService.MaxText)
            {
                return (field, T["At most {0} characters.", ProfileService.MaxText]);
            }
        }

        var manager = values.GetValueOrDefault("manager", "");
        if (manager.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(manager, out _))
        {
            return ("manager", T["'{0}' is not a valid e-mail address.", manager]);
        }

        if (manager.Length > 0 && string.Equals(manager, email, StringComparison.OrdinalIgnoreCase))
        {
            return ("manager", T["A person cannot be their own manager."]);
        }

        foreach (var (field, count, length) in new[] { ("skills", 30, 60), ("languages", 10, 40) })
        {
            var tags = values.GetValueOrDefault(field, "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tags.Length > count || tags.Any(t => t.Length > length))
            {
                return (field, T["At most {0} entries of at most {1} characters, separated by ';'.", count, length]);
            }
        }

        return null;
    }
}
