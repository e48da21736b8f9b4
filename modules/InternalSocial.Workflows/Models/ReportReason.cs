

namespace InternalSocial.Workflows.Models;

/// <summary>A reason employees can give when they report content; labels per language.</summary>
internal sealed class ReportReason
{
    public string Key { get; set; } = "";

    public Dictionary<string, string> Labels { get; set; } = [];
}
