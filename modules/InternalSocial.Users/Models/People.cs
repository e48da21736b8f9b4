namespace InternalSocial.Users.Models;

/// <summary>
/// A searchable word about a person: a name token, a skill, a language or an interest. One table, indexed on
/// (Kind, Value), serves every directory filter.
/// </summary>
internal sealed class PersonTerm
{
    public const string Name = "name";
    public const string Skill = "skill";
    public const string Language = "language";
    public const string Interest = "interest";

    public required string UserId { get; set; }

    public required string Kind { get; set; }

    /// <summary>Folded: upper case, no accents; compared ordinally.</summary>
    public required string Value { get; set; }

    /// <summary>As the person wrote it (empty for name tokens).</summary>
    public string Display { get; set; } = "";
}

/// <summary>A colleague vouching for one of a person's skills.</summary>
internal sealed class Endorsement
{
    public required string UserId { get; set; }

    /// <summary>The folded skill (<see cref="PersonTerm.Value"/>).</summary>
    public required string Skill { get; set; }

    public required string EndorserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A profile field that administrators add for everyone (badge number, office hours, LinkedIn…).</summary>
internal sealed class ProfileField
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Date = "date";
    public const string Link = "link";

    /// <summary>Who sees a value besides its owner and administrators.</summary>
    public const string Everyone = "everyone";
    public const string Employees = "employees";
    public const string Private = "private";

    public static readonly string[] Kinds = [Text, Choice, Date, Link];
    public static readonly string[] Visibilities = [Everyone, Employees, Private];

    /// <summary>A stable key such as <c>office-hours</c>.</summary>
    public required string Id { get; set; }

    public required string Label { get; set; }

    public required string Kind { get; set; }

    /// <summary>For choices: the options, separated by new lines.</summary>
    public string? Choices { get; set; }

    public required string Visibility { get; set; }

    public int Position { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class ProfileFieldValue
{
    public required string UserId { get; set; }

    public required string FieldId { get; set; }

    public required string Value { get; set; }
}

/// <summary>Who deactivated or erased whom, and when: kept after erasure (the ids name nobody once the person is erased).</summary>
internal sealed class PeopleAuditEntry
{
    public long Id { get; set; }

    public required string Action { get; set; }

    public required string UserId { get; set; }

    public required string ByUserId { get; set; }

    public DateTime AtUtc { get; set; }
}
