using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>
/// "Toewijzen" (a new assignment, with <see cref="OvoCode"/> or <see cref="DomainCode"/> fixed by the page) or
/// "Wijzigen" (<see cref="AssignmentId"/>): category, period, parent within the domain and remark. Only the domains the
/// user manages are offered; the fields show the messages of the command's own validator.
/// </summary>
public partial class AssignmentDialog
{
    private readonly FormModel _model = new();
    private IReadOnlyList<DomainWithCategories> _domains = [];
    private EditableAssignment? _editing;
    private string? _fixedOrganisation;
    private bool _loaded;

    [Inject]
    private AssignmentEditQueries Assignments { get; set; } = null!;

    [Inject]
    private AssignmentService Service { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IValidator<AssignToDomain> AssignValidator { get; set; } = null!;

    [Inject]
    private IValidator<ChangeAssignment> ChangeValidator { get; set; } = null!;

    /// <summary>The assignment to change; <c>null</c> for a new one.</summary>
    [Parameter]
    public Guid? AssignmentId { get; set; }

    /// <summary>The organisation to assign (the organisation page); <c>null</c> to choose one.</summary>
    [Parameter]
    public string? OvoCode { get; set; }

    [Parameter]
    public string? OrganisationName { get; set; }

    /// <summary>The domain to assign to (the domain page); <c>null</c> to choose one of those the user manages.</summary>
    [Parameter]
    public string? DomainCode { get; set; }

    private string Title => _editing is null ? "Toewijzen aan een toepassingsgebied" : $"Toewijzing wijzigen: {_editing.OrganisationName}";

    private DomainWithCategories? SelectedDomain => _domains.FirstOrDefault(d => d.Code == _model.DomainCode);

    /// <summary>Active categories, and the one an existing assignment has even if it is no longer active.</summary>
    private IEnumerable<CategoryChoice> Categories =>
        SelectedDomain?.Categories.Where(c => c.IsActive || c.Code == _editing?.CategoryCode) ?? [];

    protected override async Task OnInitializedAsync()
    {
        var managed = new List<DomainWithCategories>();
        foreach (var domain in await Assignments.DomainsAsync())
        {
            if ((DomainCode is null || domain.Code == DomainCode) && await Rights.AllowsAsync(RegistryPolicies.ManageAssignments, new DomainResource(domain.Id)))
            {
                managed.Add(domain);
            }
        }

        _domains = managed;
        if (!await ReloadAsync())
        {
            Dialog.Close();
            return;
        }

        _loaded = true;
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (AssignmentId is not { } id)
        {
            _model.OvoCode = OvoCode;
            _fixedOrganisation = OvoCode is null ? null : $"{OrganisationName} ({OvoCode})";
            _model.DomainCode = DomainCode ?? (_domains.Count == 1 ? _domains[0].Code : null);
            return true;
        }

        _editing = await Assignments.GetAsync(id);
        if (_editing is null)
        {
            return false;
        }

        _fixedOrganisation = $"{_editing.OrganisationName} ({_editing.OvoCode.Value})";
        _model.OvoCode = _editing.OvoCode.Value;
        _model.DomainCode = _editing.DomainCode;
        _model.CategoryCode = _editing.CategoryCode;
        _model.ValidFrom = RegistryDates.ToPicker(_editing.ValidFrom);
        _model.ValidTo = RegistryDates.ToPicker(_editing.ValidTo);
        _model.ParentOvoCode = _editing.ParentOvoCode?.Value;
        _model.Remark = _editing.Remark;
        return true;
    }

    private void OnDomainChanged(string? code)
    {
        _model.DomainCode = code;
        if (!Categories.Any(c => c.Code == _model.CategoryCode))
        {
            _model.CategoryCode = null;
        }
    }

    private Task SaveAsync() => _editing is { } editing
        ? SubmitAsync(user => Service.ChangeAsync(user, ChangeCommand(editing)), $"De toewijzing van {editing.OrganisationName} is gewijzigd.")
        : SubmitAsync(user => Service.AssignAsync(user, AssignCommand()), $"De organisatie is toegewezen aan {SelectedDomain?.Name}.");

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? ChangeValidator.MessagesForAsync(ChangeCommand(editing), property)
        : AssignValidator.MessagesForAsync(AssignCommand(), property);

    private AssignToDomain AssignCommand() => new(
        _model.OvoCode ?? string.Empty,
        _model.DomainCode ?? string.Empty,
        _model.CategoryCode ?? string.Empty,
        RegistryDates.FromPicker(_model.ValidFrom),
        RegistryDates.FromPicker(_model.ValidTo),
        Blank(_model.ParentOvoCode),
        Blank(_model.Remark));

    private ChangeAssignment ChangeCommand(EditableAssignment editing) => new(
        editing.Id,
        editing.Version,
        _model.CategoryCode ?? string.Empty,
        RegistryDates.FromPicker(_model.ValidFrom),
        RegistryDates.FromPicker(_model.ValidTo),
        Blank(_model.ParentOvoCode),
        Blank(_model.Remark));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What the form holds; the names are those of the commands' properties, so their messages land on the right field.</summary>
    private sealed class FormModel
    {
        public string? OvoCode { get; set; }

        public string? DomainCode { get; set; }

        public string? CategoryCode { get; set; }

        public DateTime? ValidFrom { get; set; }

        public DateTime? ValidTo { get; set; }

        public string? ParentOvoCode { get; set; }

        public string? Remark { get; set; }
    }
}
