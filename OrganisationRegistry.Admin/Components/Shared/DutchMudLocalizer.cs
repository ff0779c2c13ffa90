using Microsoft.Extensions.Localization;
using MudBlazor;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>
/// Dutch texts for the labels MudBlazor puts on its own controls (pager buttons, date picker, clear buttons, ...),
/// so that a screen reader does not switch to English in the middle of a Dutch page. Keys without a translation
/// fall back to MudBlazor's English.
/// </summary>
internal sealed class DutchMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "Sluiten",
        ["MudBaseDatePicker_NextMonth"] = "Volgende maand",
        ["MudBaseDatePicker_NextYear"] = "Volgend jaar",
        ["MudBaseDatePicker_Open"] = "Kalender openen",
        ["MudBaseDatePicker_PrevMonth"] = "Vorige maand",
        ["MudBaseDatePicker_PrevYear"] = "Vorig jaar",
        ["MudBreadcrumbs_Label"] = "Kruimelpad",
        ["MudChip_Close"] = "Verwijderen",
        ["MudDialog_Close"] = "Sluiten",
        ["MudFormComponent_Required"] = "Verplicht",
        ["MudInput_Clear"] = "Wissen",
        ["MudInput_Decrement"] = "Verlagen",
        ["MudInput_Increment"] = "Verhogen",
        ["MudNavGroup_ToggleExpand"] = "{0} openen of sluiten",
        ["MudPagination_CurrentPage"] = "Huidige pagina {0}",
        ["MudPagination_FirstPage"] = "Eerste pagina",
        ["MudPagination_LastPage"] = "Laatste pagina",
        ["MudPagination_NextPage"] = "Volgende pagina",
        ["MudPagination_PageIndex"] = "Pagina {0}",
        ["MudPagination_PreviousPage"] = "Vorige pagina",
        ["MudSelect_SelectAll"] = "Alles kiezen",
        ["MudSnackbar_Close"] = "Sluiten",
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTable_Loading"] = "Bezig met laden…",
        ["MudTabs_ScrollDown"] = "Omlaag schuiven",
        ["MudTabs_ScrollLeft"] = "Naar links schuiven",
        ["MudTabs_ScrollRight"] = "Naar rechts schuiven",
        ["MudTabs_ScrollUp"] = "Omhoog schuiven",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(Validity.DutchBelgium, text, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
}
