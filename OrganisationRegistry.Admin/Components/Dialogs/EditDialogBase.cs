using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>
/// The common part of the edit dialogs: run one write service call as the signed-in user and tell people what came of
/// it. Success closes the dialog with <see cref="DialogResult.Ok{T}(T)"/> and a snackbar; a broken rule, a missing
/// right or invalid input stay in the dialog with the service's Dutch message; a concurrent change shows the current
/// values with "Herladen" (<see cref="DialogMessages"/>), and nothing is overwritten.
/// </summary>
public abstract class EditDialogBase : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance Dialog { get; set; } = null!;

    [Inject]
    protected CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The dialog's form (<c>@ref</c>), validated before anything is sent.</summary>
    protected MudForm? Form { get; set; }

    protected bool Busy { get; private set; }

    /// <summary>A rule of the register that the change would break (<see cref="DomainRuleException"/>).</summary>
    protected string? RuleMessage { get; private set; }

    /// <summary>The user lacks the right (<see cref="ForbiddenException"/>).</summary>
    protected string? ForbiddenMessage { get; private set; }

    /// <summary>Invalid input the form's fields do not show (normally none: the form runs the same validator).</summary>
    protected IReadOnlyList<string> ValidationMessages { get; private set; } = [];

    /// <summary>Someone else changed or removed the data since the dialog read it.</summary>
    protected ConcurrencyConflictException? Conflict { get; private set; }

    /// <summary>Validates the form, then runs <paramref name="write"/> as the signed-in user.</summary>
    protected Task SubmitAsync(Func<RegistryUser, Task> write, string successMessage) =>
        SubmitAsync(async user =>
        {
            await write(user);
            return true;
        }, _ => successMessage);

    /// <summary>Validates the form, then runs <paramref name="write"/> as the signed-in user; the dialog's result is what it returns.</summary>
    protected async Task SubmitAsync<T>(Func<RegistryUser, Task<T>> write, Func<T, string> successMessage)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(successMessage);
        ClearMessages();
        if (Form is not null)
        {
            await Form.ValidateAsync();
            if (!Form.IsValid)
            {
                return;
            }
        }

        Busy = true;
        try
        {
            var result = await write(await CurrentUser.GetAsync());
            Snackbar.Add(successMessage(result), MudBlazor.Severity.Success);
            Dialog.Close(DialogResult.Ok(result));
        }
        catch (ValidationException validation)
        {
            // The form's fields run the same validator: let them show what they can, list the rest.
            ValidationMessages = [.. validation.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)];
            if (Form is not null)
            {
                await Form.ValidateAsync();
            }
        }
        catch (DomainRuleException rule)
        {
            RuleMessage = rule.Message;
        }
        catch (ForbiddenException forbidden)
        {
            ForbiddenMessage = forbidden.Message;
        }
        catch (ConcurrencyConflictException conflict)
        {
            Conflict = conflict;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>"Herladen" after a conflict: read the data again as it is now, or close when it no longer exists.</summary>
    protected async Task ReloadAfterConflictAsync()
    {
        var removed = Conflict?.WasRemoved == true;
        ClearMessages();
        if (removed || !await ReloadAsync())
        {
            Dialog.Close(DialogResult.Ok(true));
        }
    }

    /// <summary>Reads the edited data again; <c>false</c> when it no longer exists.</summary>
    protected abstract Task<bool> ReloadAsync();

    protected void Cancel() => Dialog.Cancel();

    private void ClearMessages()
    {
        RuleMessage = null;
        ForbiddenMessage = null;
        ValidationMessages = [];
        Conflict = null;
    }
}
