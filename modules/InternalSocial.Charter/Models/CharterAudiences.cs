namespace InternalSocial.Charter.Models;

/// <summary>Who a charter version is for: guests read theirs, everyone else the employees'; the editorial charter gates no one.</summary>
internal static class CharterAudiences
{
    public const string Employees = "employees";
    public const string Guests = "guests";
    public const string Editorial = "editorial";

    public static IReadOnlyList<string> All { get; } = [Employees, Guests, Editorial];

    public static bool IsKnown(string? audience) => audience is Employees or Guests or Editorial;
}
