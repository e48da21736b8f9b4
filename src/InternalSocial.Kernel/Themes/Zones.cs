using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Kernel.Themes;

/// <summary>Zones a theme's layouts and pages render, and modules fill with widgets.</summary>
public static class ZoneNames
{
    public const string Home = "home";
    public const string Sidebar = "sidebar";
    public const string Header = "header";

    /// <summary>Above every page's content of the employee site: a notice that concerns the person wherever they are.</summary>
    public const string Banner = "banner";
}

/// <summary>A module's view component shown in a zone, to those holding <see cref="Permission"/> (all when null).</summary>
public sealed record ZoneWidget(string Zone, Type ViewComponent, int Position, Permission? Permission);

public static class ZoneServiceCollectionExtensions
{
    /// <summary>Shows <typeparamref name="TViewComponent"/> in a zone while the module's feature is on.</summary>
    public static IServiceCollection AddWidget<TViewComponent>(this IServiceCollection services, string zone, int position = 0, Permission? permission = null)
        where TViewComponent : ViewComponent =>
        services.AddSingleton(new ZoneWidget(zone, typeof(TViewComponent), position, permission));
}

/// <summary>
/// <c>&lt;zone name="home" /&gt;</c>: renders, in order, the widgets that enabled features put in that zone and that
/// the user may see. Renders nothing when there are none.
/// </summary>
[HtmlTargetElement("zone", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ZoneTagHelper(IEnumerable<ZoneWidget> widgets, IAuthorizationService authorization, IViewComponentHelper components) : TagHelper
{
    [HtmlAttributeName("name")]
    public string Name { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ((IViewContextAware)components).Contextualize(ViewContext);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"zone zone-{Name}");
        var shown = 0;
        foreach (var widget in widgets.Where(w => w.Zone == Name).OrderBy(w => w.Position))
        {
            if (widget.Permission is null || await authorization.HasPermissionAsync(ViewContext.HttpContext.User, widget.Permission))
            {
                output.Content.AppendHtml(await components.InvokeAsync(widget.ViewComponent));
                shown++;
            }
        }

        if (shown == 0)
        {
            output.SuppressOutput();
        }
    }
}
