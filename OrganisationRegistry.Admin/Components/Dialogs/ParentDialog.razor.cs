using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>A period under a parent organisation: add one (for <see cref="OvoCode"/>) or change one (<see cref="LinkId"/>).</summary>
public partial class ParentDialog
{
    private EditableParentLink? _editing;
    private string? _parentOvoCode;
    private string? _parentName;
    private DateTime? _validFrom;
    private DateTime? _validTo;
    private bool _loaded;

    [Inject]
    private OrganisationEditQueries Queries { get; set; } = null!;

    [Inject]
    private OrganisationService Service { get; set; } = null!;

    [Inject]
    private IValidator<AddOrganisationParent> AddValidator { get; set; } = null!;

    [Inject]
    private IValidator<ChangeOrganisationParent> ChangeValidator { get; set; } = null!;

    [Parameter, EditorRequired]
    public string OvoCode { get; set; } = null!;

    [Parameter]
    public string? OrganisationName { get; set; }

    /// <summary>The period to change; <c>null</c> to add one.</summary>
    [Parameter]
    public Guid? LinkId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!await ReloadAsync())
        {
            Dialog.Close();
            return;
        }

        _loaded = true;
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (LinkId is not { } id)
        {
            return true;
        }

        _editing = await Queries.ParentLinkAsync(id);
        _parentOvoCode = _editing?.ParentOvoCode.Value;
        _parentName = _editing?.ParentName;
        _validFrom = RegistryDates.ToPicker(_editing?.ValidFrom);
        _validTo = RegistryDates.ToPicker(_editing?.ValidTo);
        return _editing is not null;
    }

    private Task SaveAsync() => _editing is { } editing
        ? SubmitAsync(user => Service.ChangeParentAsync(user, ChangeCommand(editing)), "De moederorganisatie is gewijzigd.")
        : SubmitAsync(user => Service.AddParentAsync(user, AddCommand()), "De moederorganisatie is toegevoegd.");

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? ChangeValidator.MessagesForAsync(ChangeCommand(editing), property)
        : AddValidator.MessagesForAsync(AddCommand(), property);

    private AddOrganisationParent AddCommand() =>
        new(OvoCode, _parentOvoCode ?? string.Empty, RegistryDates.FromPicker(_validFrom), RegistryDates.FromPicker(_validTo));

    private ChangeOrganisationParent ChangeCommand(EditableParentLink editing) =>
        new(editing.Id, editing.Version, _parentOvoCode ?? string.Empty, RegistryDates.FromPicker(_validFrom), RegistryDates.FromPicker(_validTo));
}
