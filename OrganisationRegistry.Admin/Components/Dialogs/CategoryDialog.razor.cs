using FluentValidation;
using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Admin.Components.Dialogs;

/// <summary>A new category of a domain, or the name, order and state of one (central staff or the domain's steward).</summary>
public partial class CategoryDialog
{
    private AdministeredCategory? _editing;
    private string? _code;
    private string? _name;
    private int _sortOrder;
    private bool _isActive = true;

    [Inject]
    private DomainAdministrationQueries Queries { get; set; } = null!;

    [Inject]
    private ApplicationDomainService Service { get; set; } = null!;

    [Inject]
    private IValidator<AddDomainCategory> AddValidator { get; set; } = null!;

    [Inject]
    private IValidator<UpdateDomainCategory> UpdateValidator { get; set; } = null!;

    [Parameter, EditorRequired]
    public string DomainCode { get; set; } = null!;

    [Parameter]
    public string? DomainName { get; set; }

    /// <summary>The category to change; <c>null</c> for a new one.</summary>
    [Parameter]
    public string? CategoryCode { get; set; }

    /// <summary>The order a new category gets unless the user changes it (after the last one).</summary>
    [Parameter]
    public int NextSortOrder { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _sortOrder = NextSortOrder;
        if (!await ReloadAsync())
        {
            Dialog.Close();
        }
    }

    protected override async Task<bool> ReloadAsync()
    {
        if (CategoryCode is null)
        {
            return true;
        }

        _editing = (await Queries.GetAsync(DomainCode))?.Categories.SingleOrDefault(c => c.Code == CategoryCode);
        if (_editing is not null)
        {
            (_name, _sortOrder, _isActive) = (_editing.Name, _editing.SortOrder, _editing.IsActive);
        }

        return _editing is not null;
    }

    private Task SaveAsync() => _editing is { } editing
        ? SubmitAsync(user => Service.UpdateCategoryAsync(user, UpdateCommand(editing)), $"De categorie {_name} is gewijzigd.")
        : SubmitAsync(user => Service.AddCategoryAsync(user, AddCommand()), $"De categorie {_name} is toegevoegd.");

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) => FormValidation.Field<T>(ValidateAsync, property);

    private Task<IEnumerable<string>> ValidateAsync(string property) => _editing is { } editing
        ? UpdateValidator.MessagesForAsync(UpdateCommand(editing), property)
        : AddValidator.MessagesForAsync(AddCommand(), property);

    private AddDomainCategory AddCommand() => new(DomainCode, _code?.Trim() ?? string.Empty, _name ?? string.Empty, _sortOrder);

    private UpdateDomainCategory UpdateCommand(AdministeredCategory editing) =>
        new(DomainCode, editing.Code, editing.Version, _name ?? string.Empty, _sortOrder, _isActive);
}
