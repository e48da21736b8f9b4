using InternalSocial.Groups.Models;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Groups.Services;

/// <summary>Membership rules, evaluated from <see cref="PersonSummary"/> fields only.</summary>
internal static class MembershipRules
{
    public static bool Matches(MembershipRule rule, PersonSummary person)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(person);
        if (person.IsGuest)
        {
            return false;
        }

        if (rule.Kind == MembershipRuleKind.Everyone)
        {
            return true;
        }

        var value = rule.Kind == MembershipRuleKind.Department ? person.Department : person.Site;
        return value is not null && string.Equals(value.Trim(), rule.Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
