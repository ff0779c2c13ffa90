using MudBlazor;
using OrganisationRegistry.Domain.Rights;

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
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase =>
        await dialogs.ShowForResultAsync(title, parameters) is not null;

    /// <summary>Asks <paramref name="question"/> and, when confirmed, runs <paramref name="action"/> as the signed-in user; <c>true</c> when it did.</summary>
    public static Task<bool> ConfirmAsync(
        this IDialogService dialogs, string heading, string question, Func<RegistryUser, Task> action, string successMessage, string confirmText = "Verwijderen") =>
        dialogs.ShowAsync(heading, new DialogParameters<ConfirmDialog>
        {
            { d => d.Heading, heading },
            { d => d.Question, question },
            { d => d.Action, action },
            { d => d.SuccessMessage, successMessage },
            { d => d.ConfirmText, confirmText },
        });

    /// <summary>Shows <typeparamref name="TDialog"/>; what it saved (its OK result's data), or <c>null</c> when it was cancelled.</summary>
    public static async Task<object?> ShowForResultAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data ?? true : null;
    }
}
