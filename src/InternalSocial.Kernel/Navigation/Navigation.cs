using System.Security.Claims;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Kernel.Navigation;

public static class MenuNames
{
    public const string Main = "main";
    public const string Admin = "admin";
}

/// <param name="Position">Sort key; items are shown in ascending order.</param>
/// <param name="Permission">Shown only to users holding it; null shows it to everyone who sees the menu.</param>
/// <param name="Icon">A generic icon name ("feed", "groups", "people", "link", "shield", "settings", "mail", "calendar");
/// each theme draws the names it knows and a neutral mark for the others.</param>
public sealed record MenuItem(string Text, string Url, int Position, Permission? Permission = null, string? Icon = null);

/// <summary>Modules add their entries to the main and admin menus.</summary>
public interface INavigationProvider
{
    void BuildNavigation(string menuName, ICollection<MenuItem> items);
}

/// <summary>A menu as the current user may see it, in the request's language.</summary>
public sealed class NavigationManager(IEnumerable<INavigationProvider> providers, IAuthorizationService authorization, IStringLocalizerFactory localizers)
{
    public async Task<IReadOnlyList<MenuItem>> BuildMenuAsync(string menuName, ClaimsPrincipal user)
    {
        var items = new List<MenuItem>();
        foreach (var provider in providers)
        {
            var added = new List<MenuItem>();
            provider.BuildNavigation(menuName, added);
            // Each provider's texts are translated by its own module's resources.
            var texts = localizers.Create("ModuleResources", provider.GetType().Assembly.GetName().Name!);
            items.AddRange(added.Select(item => item with { Text = texts[item.Text] }));
        }

        var visible = new List<MenuItem>();
        foreach (var item in items.OrderBy(i => i.Position).ThenBy(i => i.Text, StringComparer.CurrentCulture))
        {
            if (item.Permission is null || await authorization.HasPermissionAsync(user, item.Permission))
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}
