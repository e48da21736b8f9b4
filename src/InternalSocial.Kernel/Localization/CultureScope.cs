using System.Globalization;

namespace InternalSocial.Kernel.Localization;

/// <summary>
/// Writes texts in another person's language outside their request (a notification, a mail, a digest): runs the work
/// with that culture as the current (UI) culture, so localizers answer in it, then puts the previous one back.
/// </summary>
public static class CultureScope
{
    public static T Run<T>(CultureInfo culture, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(write);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    /// <summary>The culture flows into the awaited work and is restored when it ends.</summary>
    public static async Task<T> RunAsync<T>(CultureInfo culture, Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(write);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return await write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
