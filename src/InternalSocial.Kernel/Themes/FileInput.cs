using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Themes;

/// <summary>
/// Gives every <c>&lt;input type="file"&gt;</c> the texts of its picker in the page's language. A browser writes
/// "Choose File" and "No file chosen" in its own language, not the page's; the site's script draws the button and the
/// status from these attributes instead, and without the script the browser's own control remains.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=file]")]
public sealed class FileInputTagHelper(IStringLocalizer<KernelResources> T) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var multiple = output.Attributes.ContainsName("multiple");
        output.Attributes.SetAttribute("data-file-choose", multiple ? T["Choose files"].Value : T["Choose a file"].Value);
        output.Attributes.SetAttribute("data-file-none", multiple ? T["No files chosen"].Value : T["No file chosen"].Value);
        output.Attributes.SetAttribute("data-file-many", T["{0} files chosen"].Value);
    }
}
