using InternalSocial.Kernel;
using InternalSocial.Polls.Models;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Services;

/// <summary>Checks a poll input field by field and names each bad field (for the API, the pages and the recipe step).</summary>
internal sealed class PollValidator(TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    public const int MaxQuestion = 300;
    public const int MaxDescription = 2000;
    public const int MaxOption = 200;
    public const int MaxOptions = 20;
    public const int MaxOther = 500;

    /// <summary>The valid poll, or the errors by field name (camelCase, as in the API).</summary>
    public (ValidPoll? Poll, Dictionary<string, string> Errors) Validate(PollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var question = input.Question?.Trim() ?? "";
        if (question.Length is 0 or > MaxQuestion)
        {
            errors["question"] = T["The question is required, at most {0} characters.", MaxQuestion];
        }

        if ((input.Description?.Length ?? 0) > MaxDescription)
        {
            errors["description"] = T["The description must be at most {0} characters.", MaxDescription];
        }

        var options = (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (options.Count is < 2 or > MaxOptions)
        {
            errors["options"] = T["Give between 2 and {0} options.", MaxOptions];
        }
        else if (options.Any(o => o.Length is 0 or > MaxOption))
        {
            errors["options"] = T["Each option needs a text of at most {0} characters.", MaxOption];
        }
        else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            errors["options"] = T["Two options have the same text."];
        }

        var multiple = input.Multiple ?? false;
        if (input.MaxChoices is { } max && (multiple ? max < 1 || max > Math.Max(options.Count, 1) : max != 1))
        {
            errors["maxChoices"] = multiple
                ? T["The maximum of choices must be between 1 and the number of options."]
                : T["A single-choice poll allows one choice; set multiple to true for more."];
        }

        var visibility = input.ResultsVisibility ?? ResultsVisibilities.Always;
        if (!ResultsVisibilities.All.Contains(visibility))
        {
            errors["resultsVisibility"] = T["The results visibility must be always, afterVote, afterClose or authorOnly."];
        }

        if (input.ClosesAt is { } closes && closes <= clock.GetUtcNow())
        {
            errors["closesAt"] = T["The closing time must be in the future."];
        }

        if (input.PostId is not null && input.GroupId is not null)
        {
            errors["groupId"] = T["A poll is in a post or in a group, not both."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidPoll(question, input.Description?.Trim() ?? "", options, multiple, multiple ? input.MaxChoices : null,
            input.AllowOther ?? false, input.Anonymous ?? false, visibility, input.ClosesAt?.UtcDateTime, ContainerOf(input)), errors);
    }

    /// <summary>The post or group the input names (the post when it names both), or null for a standalone poll.</summary>
    public static PollContainer? ContainerOf(PollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.PostId is { } postId ? new PollContainer(ContainerKinds.Post, postId)
            : input.GroupId is { } groupId ? new PollContainer(ContainerKinds.Group, groupId) : null;
    }

    public ValidPoll ValidateOrThrow(PollInput input)
    {
        var (poll, errors) = Validate(input);
        return poll ?? throw new InvalidInputException(errors);
    }
}
