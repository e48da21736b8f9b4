namespace InternalSocial.Admin.Controllers;

internal sealed record DashboardViewModel(string SiteName, int EnabledFeatures, int AvailableFeatures);
