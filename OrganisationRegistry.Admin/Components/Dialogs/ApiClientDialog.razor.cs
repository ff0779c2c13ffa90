using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApiClients;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>
/// A new client of the API, or the name, organisation, scopes and state of one (central staff). The scopes are a group
/// of check boxes, which a MudForm does not validate: the dialog shows the validator's message for them itself.
/// </summary>
public partial class ApiClientDialog
{
    private ApiClientItem? _editing;
    private string? _clientId;
    private string? _name;
    private string? _ovoCode;
    private string? _organisationName;
    private HashSet<string> _scopes = [];
    private bool _isActive = true;
    private IReadOnlyList<string> _scopeMessages = [];

    [Inject]
    private ApiClientQueries Queries { get; set; } = null!;

    [Inject]
    private ApiClientService Service { get; set; } = null!;

    [Inject]
    private IValidator<RegisterApiClient> RegisterValidator { get; set; } = null!;

    [Inject]
    private IValidator<ChangeApiClient> ChangeValidator { get; set; } = null!;

    /// <summary>The client to change; <c>null</c> to register a new one.</summary>
    [Parameter]
    public string? ClientId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!await ReloadAsync())
        {
            Dialog.Close();
        }
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (ClientId is null)
        {
            return true;
        }

        _editing = await Queries.GetAsync(ClientId);
        if (_editing is { } client)
        {
            (_name, _ovoCode, _organisationName, _isActive) = (client.Name, client.OrganisationOvoCode.Value, client.OrganisationName, client.IsActive);
            _scopes = [.. client.Scopes];
            _scopeMessages = [];
        }

        return _editing is not null;
    }

    private async Task ToggleAsync(string scope, bool isChecked)
    {
        if (isChecked)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }

        // Once the message shows, it follows the boxes (as the fields' messages follow their input).
        if (_scopeMessages.Count > 0)
        {
            _scopeMessages = [.. await ValidateAsync(nameof(IApiClientDetailsCommand.Scopes))];
        }
    }

    private async Task SaveAsync()
    {
        _scopeMessages = [.. await ValidateAsync(nameof(IApiClientDetailsCommand.Scopes))];
        if (_scopeMessages.Count > 0)
        {
            if (Form is not null)
            {
                await Form.ValidateAsync();
            }

            return;
        }

        await (_editing is { } editing
            ? SubmitAsync(user => Service.ChangeAsync(user, ChangeCommand(editing)), $"{_name?.Trim()} is gewijzigd.")
            : SubmitAsync(user => Service.RegisterAsync(user, RegisterCommand()), $"{_name?.Trim()} is geregistreerd als API-client."));
    }

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? ChangeValidator.MessagesForAsync(ChangeCommand(editing), property)
        : RegisterValidator.MessagesForAsync(RegisterCommand(), property);

    private IReadOnlyList<string> Scopes => [.. ApiScopes.All.Where(_scopes.Contains)];

    private RegisterApiClient RegisterCommand() => new(_clientId?.Trim() ?? string.Empty, _name ?? string.Empty, _ovoCode ?? string.Empty, Scopes);

    private ChangeApiClient ChangeCommand(ApiClientItem editing) =>
        new(editing.ClientId, editing.Version, _name ?? string.Empty, _ovoCode ?? string.Empty, Scopes, _isActive);
}
