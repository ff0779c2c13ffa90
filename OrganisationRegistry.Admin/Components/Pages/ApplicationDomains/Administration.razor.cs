using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// The administration of the application domains: domains and stewardship (central staff), categories (central staff
/// and the domain's steward). Each control shows only where the user has the right; the service checks it again.
/// </summary>
public partial class Administration
{
    private IReadOnlyList<AdministeredDomain>? _domains;
    private HashSet<Guid> _categoryDomains = [];
    private bool _mayAdminister;

    [Inject]
    private DomainAdministrationQueries Queries { get; set; } = null!;

    [Inject]
    private ApplicationDomainService Service { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var domains = await Queries.ListAsync();
        _mayAdminister = await Rights.AllowsAsync(RegistryPolicies.AdministerRegister);
        _categoryDomains = [];
        foreach (var domain in domains)
        {
            if (await Rights.AllowsAsync(RegistryPolicies.ManageCategories, new DomainResource(domain.Id)))
            {
                _categoryDomains.Add(domain.Id);
            }
        }

        _domains = domains;
    }

    private Task CreateDomainAsync() => ShowAsync("Nieuw toepassingsgebied", new DialogParameters<DomainDialog>());

    private Task EditDomainAsync(AdministeredDomain domain) =>
        ShowAsync("Toepassingsgebied wijzigen", new DialogParameters<DomainDialog> { { d => d.Code, domain.Code } });

    private Task AddCategoryAsync(AdministeredDomain domain) =>
        ShowAsync("Categorie toevoegen", new DialogParameters<CategoryDialog>
        {
            { d => d.DomainCode, domain.Code },
            { d => d.DomainName, domain.Name },
            { d => d.NextSortOrder, domain.Categories.Count == 0 ? 1 : domain.Categories.Max(c => c.SortOrder) + 1 },
        });

    private Task EditCategoryAsync(AdministeredDomain domain, AdministeredCategory category) =>
        ShowAsync("Categorie wijzigen", new DialogParameters<CategoryDialog>
        {
            { d => d.DomainCode, domain.Code },
            { d => d.DomainName, domain.Name },
            { d => d.CategoryCode, category.Code },
        });

    private Task AddStewardAsync(AdministeredDomain domain) =>
        ShowAsync("Beheerder toevoegen", new DialogParameters<StewardDialog> { { d => d.DomainCode, domain.Code }, { d => d.DomainName, domain.Name } });

    private async Task RemoveStewardAsync(AdministeredDomain domain, DomainStewardItem steward)
    {
        if (await Dialogs.ConfirmAsync(
                "Beheerder verwijderen",
                $"{steward.Name} ({steward.OvoCode.Value}) beheert dan {domain.Name} niet meer: haar domeinexperten verliezen hun rechten op dit toepassingsgebied.",
                user => Service.RemoveStewardAsync(user, new ChangeDomainSteward(domain.Code, steward.OvoCode.Value)),
                $"{steward.Name} beheert {domain.Name} niet meer."))
        {
            await ReloadAsync();
        }
    }

    private async Task ShowAsync<TDialog>(string title, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        if (await Dialogs.ShowAsync(title, parameters))
        {
            await ReloadAsync();
        }
    }
}
