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

            // MudBlazor's default info/success/warning/error tones are too light for text on white (2.2:1 for
            // warning); these keep at least 4.5:1 on white and on the tinted background of an alert.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#8a4b00",
            Error = "#c62828",
        },
    };
}
