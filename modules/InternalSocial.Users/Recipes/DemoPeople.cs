using System.Globalization;
using System.Text;

namespace InternalSocial.Users.Recipes;

/// <summary>
/// A sample organisation for demonstrations: French and international names, departments with a head each, sites,
/// a manager for everyone but the chief executive, skills that fit the department. Deterministic (a fixed seed), so
/// the same count gives the same people.
/// </summary>
internal static class DemoPeople
{
    private static readonly string[] FirstNames = ["Marie", "Jean", "Camille", "Lucas", "Chloé", "Hugo", "Léa", "Louis", "Emma", "Gabriel", "Manon", "Arthur", "Inès", "Jules", "Sarah", "Adam", "Zoé", "Nathan", "Alice", "Paul", "Anna", "Tom", "Julia", "Noah", "Eva", "Yasmine", "Mila", "Karim", "Rose", "Sacha", "Lina", "Raphaël", "Nina", "Victor", "Clara", "Mehdi", "Jade", "Oscar", "Aïcha", "Théo"];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Nguyen", "Benali", "Haddad", "Chevalier", "Robin"];
    private static readonly string[] Sites = ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Montréal"];
    private static readonly string[] Languages = ["French", "English", "Spanish", "German", "Italian", "Arabic"];

    private static readonly (string Name, string Title, string[] Skills)[] Departments =
    [
        ("Engineering", "Software engineer", ["C#", "SQL", "Kubernetes", "TypeScript", "Security", "Architecture"]),
        ("Marketing", "Marketing manager", ["SEO", "Copywriting", "Branding", "Analytics", "Events"]),
        ("Sales", "Account executive", ["Negotiation", "CRM", "Public speaking", "Key accounts"]),
        ("Finance", "Financial analyst", ["Excel", "Budgeting", "Audit", "Forecasting", "IFRS"]),
        ("Human Resources", "HR partner", ["Recruiting", "Labour law", "Coaching", "Payroll"]),
        ("Communication", "Communication officer", ["Writing", "Social media", "Video", "Intranet"]),
        ("Customer Support", "Support specialist", ["Zendesk", "Troubleshooting", "Empathy", "Training"]),
    ];

    public static void AppendCsv(StringBuilder csv, int count, string domain)
    {
        var random = new Random(20261128);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var heads = new string[Departments.Length];
        var chief = "";
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var local = Ascii(first) + "." + Ascii(last);
            for (var n = 2; !used.Add(local); n++)
            {
                local = Ascii(first) + "." + Ascii(last) + n.ToString(CultureInfo.InvariantCulture);
            }

            var email = $"{local}@{domain}";
            var department = Departments[i == 0 ? 0 : (i - 1) % Departments.Length];
            string title;
            string manager;
            if (i == 0)
            {
                title = "Chief executive";
                manager = "";
                chief = email;
            }
            else if (i <= Departments.Length)
            {
                title = "Head of " + department.Name;
                manager = chief;
                heads[i - 1] = email;
            }
            else
            {
                title = department.Title;
                manager = heads[(i - 1) % Departments.Length];
            }

            var skills = department.Skills.OrderBy(_ => random.Next()).Take(random.Next(1, 4));
            var languages = Languages.Take(1).Concat(Languages.Skip(1).OrderBy(_ => random.Next()).Take(random.Next(0, 3)));
            csv.AppendJoin(",", new[] { email, local, $"{first} {last}", title, department.Name, Sites[random.Next(Sites.Length)], manager, string.Join(";", skills), string.Join(";", languages) }
                .Select(Recipes.PeopleRecipeStep.Quote)).Append('\n');
        }
    }

    private static string Ascii(string name) =>
        new([.. name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
}
