namespace InternalSocial.Workflows.Abstractions.Activities;

/// <summary>How the editor shows a property of an activity, and how the definition's check reads it.</summary>
public enum ActivityFieldKind
{
    /// <summary>One line of text; <see cref="ActivityField.MaxLength"/> applies.</summary>
    Text,

    /// <summary>Several lines of text; <see cref="ActivityField.MaxLength"/> applies.</summary>
    Multiline,

    /// <summary>A number between <see cref="ActivityField.Min"/> and <see cref="ActivityField.Max"/>.</summary>
    Number,

    /// <summary>"48h", "30m", "2d": see <see cref="Activities.Durations"/>.</summary>
    Duration,

    /// <summary>One of <see cref="ActivityField.Options"/>.</summary>
    Choice,

    /// <summary>The id of another step of the workflow, of a type among <see cref="ActivityField.Options"/>.</summary>
    Step,

    /// <summary>A text, or one per language (<c>{ "en": "…", "fr": "…" }</c>): an English and a French input.</summary>
    LocalizedText,

    /// <summary>Who a task goes to: a list of assignee keys (<see cref="AssigneeKey"/>). One per activity.</summary>
    Assignees,

    /// <summary>A condition on the instance's facts (<c>{ "fact": "post.tags", "containsAny": […] }</c>). One per activity.</summary>
    Condition,
}
