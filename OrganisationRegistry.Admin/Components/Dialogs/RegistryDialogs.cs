using MudBlazor;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>Opens the edit dialogs alike: wide enough for a form, closable by Escape and by a labelled close button.</summary>
public static class RegistryDialogs
{
    public static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Medium,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
        BackdropClick = false,
    };

    /// <summary>Shows <typeparamref name="TDialog"/> and tells whether it saved something (closed with OK).</summary>
    public static async Task<bool> ShowAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
