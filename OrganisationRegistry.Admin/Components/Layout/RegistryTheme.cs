using MudBlazor;

namespace OrganisationRegistry.Admin.Components.Layout;

/// <summary>The app's colours: dark enough on white (and white on them) for WCAG 2.1 AA contrast.</summary>
public static class RegistryTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#05397a",
            Secondary = "#6b3e00",
            AppbarBackground = "#05397a",
            AppbarText = "#ffffff",
        },
    };
}
