using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>A key in another system: add one (for <see cref="OvoCode"/>) or change one (<see cref="KeyId"/>; its type cannot change).</summary>
public partial class KeyDialog
{
    private IReadOnlyList<ReferenceChoice> _keyTypes = [];
    private EditableKey? _editing;
    private string? _keyTypeCode;
    private string? _value;
    private DateTime? _validFrom;
    private DateTime? _validTo;
    private bool _loaded;

    [Inject]
    private OrganisationEditQueries Queries { get; set; } = null!;

    [Inject]
    private OrganisationService Service { get; set; } = null!;

    [Inject]
    private IValidator<AddOrganisationKey> AddValidator { get; set; } = null!;

    [Inject]
    private IValidator<ChangeOrganisationKey> ChangeValidator { get; set; } = null!;

    [Parameter, EditorRequired]
    public string OvoCode { get; set; } = null!;

    /// <summary>The key to change; <c>null</c> to add one.</summary>
    [Parameter]
    public Guid? KeyId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _keyTypes = await Queries.KeyTypesAsync();
        if (!await ReloadAsync())
        {
            Dialog.Close();
            return;
        }

        _loaded = true;
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (KeyId is not { } id)
        {
            return true;
        }

        _editing = await Queries.KeyAsync(id);
        _value = _editing?.Value;
        _validFrom = RegistryDates.ToPicker(_editing?.ValidFrom);
        _validTo = RegistryDates.ToPicker(_editing?.ValidTo);
        return _editing is not null;
    }

    private Task SaveAsync() => _editing is { } editing
        ? SubmitAsync(user => Service.ChangeKeyAsync(user, ChangeCommand(editing)), "De sleutel is gewijzigd.")
        : SubmitAsync(user => Service.AddKeyAsync(user, AddCommand()), "De sleutel is toegevoegd.");

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? ChangeValidator.MessagesForAsync(ChangeCommand(editing), property)
        : AddValidator.MessagesForAsync(AddCommand(), property);

    private AddOrganisationKey AddCommand() =>
        new(OvoCode, _keyTypeCode ?? string.Empty, _value ?? string.Empty, RegistryDates.FromPicker(_validFrom), RegistryDates.FromPicker(_validTo));

    private ChangeOrganisationKey ChangeCommand(EditableKey editing) =>
        new(editing.Id, editing.Version, _value ?? string.Empty, RegistryDates.FromPicker(_validFrom), RegistryDates.FromPicker(_validTo));
}
