using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace InternalSocial.Kernel.Themes;

/// <summary>
/// What a page asks of its layout's scripts. Every layout loads the site's bundle (htmx and the small enhancements);
/// the SignalR client is a second bundle that only pages with live parts load, to keep the others light on a phone.
/// </summary>
public static class FrontEnd
{
    /// <summary>The <c>ViewData</c> key a view sets to true to have its layout load the SignalR client.</summary>
    public const string LiveKey = "InternalSocial.FrontEnd.Live";

    /// <summary>In a view: <c>@{ FrontEnd.UseLive(ViewData); }</c>; then <c>window.signalR</c> exists once the page has loaded.</summary>
    public static void UseLive(ViewDataDictionary viewData)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[LiveKey] = true;
    }

    /// <summary>For layouts: whether the page asked for the SignalR client.</summary>
    public static bool NeedsLive(ViewDataDictionary viewData) => viewData?[LiveKey] is true;
}
