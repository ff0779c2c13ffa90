using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Rights;

/// <summary>
/// The partner systems registered for the API (central staff): register, change, deactivate and reactivate. The page's
/// policy keeps everyone else out; the service checks the right again on every write.
/// </summary>
public partial class ApiClients
{
    private IReadOnlyList<ApiClientItem>? _clients;
    private bool _mayAdminister;

    [Inject]
    private ApiClientQueries Queries { get; set; } = null!;

    [Inject]
    private ApiClientService Service { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _mayAdminister = await Rights.AllowsAsync(RegistryPolicies.AdministerRegister);
        _clients = _mayAdminister ? await Queries.ListAsync() : [];
    }

    private async Task RegisterAsync()
    {
        if (await Dialogs.ShowAsync("Client registreren", new DialogParameters<ApiClientDialog>()))
        {
            _clients = await Queries.ListAsync();
        }
    }

    private async Task ChangeAsync(ApiClientItem client)
    {
        if (await Dialogs.ShowAsync("API-client wijzigen", new DialogParameters<ApiClientDialog> { { d => d.ClientId, client.ClientId } }))
        {
            _clients = await Queries.ListAsync();
        }
    }

    private async Task SetActiveAsync(ApiClientItem client, bool active)
    {
        var (heading, question, confirm, done) = active
            ? ("Client activeren",
                $"{client.Name} ({client.ClientId}) kan dan weer met zijn tokens de API gebruiken, met de scopes die hier toegestaan zijn.",
                "Activeren",
                $"{client.Name} is weer actief.")
            : ("Client deactiveren",
                $"De tokens van {client.Name} ({client.ClientId}) worden vanaf de volgende aanvraag geweigerd. De client blijft geregistreerd en kan later weer geactiveerd worden.",
                "Deactiveren",
                $"{client.Name} is gedeactiveerd.");
        if (await Dialogs.ConfirmAsync(heading, question, user => Service.SetActiveAsync(user, new SetApiClientActive(client.ClientId, client.Version, active)), done, confirm))
        {
            _clients = await Queries.ListAsync();
        }
    }
}
