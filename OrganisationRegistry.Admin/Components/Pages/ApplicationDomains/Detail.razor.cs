using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// One application domain: its stewards and the organisations assigned to it on a date (<c>geldigOp</c>, default
/// today), optionally in one category (<c>categorie</c>), paged and sorted, with a CSV download of the same selection.
/// </summary>
public partial class Detail
{
    public const string ValidOnParameter = "geldigOp";
    public const string CategoryParameter = "categorie";

    private const string NameSort = "naam";
    private const string OvoSort = "ovo";
    private const string CategorySort = "categorie";
    private const string ValidFromSort = "geldigvanaf";

    private static readonly Dictionary<string, DomainMemberSort> Sorts = new(StringComparer.Ordinal)
    {
        [NameSort] = DomainMemberSort.Name,
        [OvoSort] = DomainMemberSort.OvoCode,
        [CategorySort] = DomainMemberSort.Category,
        [ValidFromSort] = DomainMemberSort.ValidFrom,
    };

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Toegewezen organisaties" };

    private ApplicationDomainOverview? _domain;
    private bool _loaded;
    private DateOnly? _validOn;
    private string? _category;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _mayManage;
    private bool _mayCorrect;
    private IReadOnlyDictionary<OvoCode, Guid> _assignmentIds = new Dictionary<OvoCode, Guid>();

    [Inject]
    private AssignmentEditQueries AssignmentQueries { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = ValidOnParameter)]
    public string? ValidOn { get; set; }

    [SupplyParameterFromQuery(Name = CategoryParameter)]
    public string? Category { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [.. Sorts.Keys];

    private bool MayEdit => _mayManage || _mayCorrect;

    private DateOnly ValidOnOrToday => _validOn ?? RegistryDates.Today(Clock);

    private string ResultText => TotalCount switch
    {
        null => "Organisaties worden geladen…",
        { } count => $"{(count == 1 ? "1 organisatie" : $"{count.ToString("N0", Validity.DutchBelgium)} organisaties")} op {RegistryDates.Display(ValidOnOrToday)}",
    };

    private string ExportLink =>
        Navigation.GetUriWithQueryParameters(
            ApplicationDomainLinks.Export(Code),
            new Dictionary<string, object?>
            {
                [ValidOnParameter] = RegistryDates.ToQuery(ValidOnOrToday),
                [CategoryParameter] = _category,
            });

    private string ExportFileName => $"{Code}-{RegistryDates.ToQuery(ValidOnOrToday)}.csv";

    protected override void OnParametersSet()
    {
        _validOn = RegistryDates.FromQuery(ValidOn);
        _category = string.IsNullOrWhiteSpace(Category) ? null : Category;
        base.OnParametersSet();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && _domain?.Code == Code)
        {
            return;
        }

        _domain = await ApplicationDomains.GetAsync(Code, ValidOnOrToday);
        if (_domain is not null)
        {
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_domain.Name, href: null),
            ];
            var domain = await AssignmentQueries.DomainIdAsync(Code) is { } id ? new DomainResource(id) : null;
            _mayManage = domain is not null && await Rights.AllowsAsync(RegistryPolicies.ManageAssignments, domain);
            _mayCorrect = domain is not null && await Rights.AllowsAsync(RegistryPolicies.CorrectAssignments, domain);
        }

        // Only now: the list and its edit controls appear together.
        _loaded = true;
    }

    protected override async Task<(IReadOnlyList<DomainMember> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var search = new DomainMemberSearch(new DomainMemberFilter(ValidOnOrToday, _category), Sorts[sortLabel], descending, page, pageSize);
        var result = await ApplicationDomains.SearchMembersAsync(Code, search, cancellationToken);
        if (MayEdit)
        {
            _assignmentIds = await AssignmentQueries.MemberAssignmentIdsAsync(
                Code, [.. result.Items.Select(m => m.OvoCode)], ValidOnOrToday, cancellationToken);
        }

        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() => new Dictionary<string, object?>
    {
        [ValidOnParameter] = _validOn is { } date ? RegistryDates.ToQuery(date) : null,
        [CategoryParameter] = _category,
    };

    private async Task AssignAsync()
    {
        if (await Dialogs.ShowAsync("Toewijzen", new DialogParameters<AssignmentDialog> { { d => d.DomainCode, Code } }))
        {
            await ReloadAsync();
        }
    }

    /// <summary>After a change: the count in the heading and the current page of the list.</summary>
    private async Task ReloadAsync()
    {
        _domain = await ApplicationDomains.GetAsync(Code, ValidOnOrToday) ?? _domain;
        if (Table is not null)
        {
            await Table.ReloadServerData();
        }
    }

    // As on the organisations list: take the new value at once, ignore a value the page already has.
    private void OnValidOnChanged(DateOnly? date)
    {
        if (date != _validOn)
        {
            _validOn = date;
            NavigateToFilters(FilterParameters());
        }
    }

    private void OnCategoryChanged(string? category)
    {
        category = string.IsNullOrWhiteSpace(category) ? null : category;
        if (category != _category)
        {
            _category = category;
            NavigateToFilters(FilterParameters());
        }
    }
}
