using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;

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

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = ValidOnParameter)]
    public string? ValidOn { get; set; }

    [SupplyParameterFromQuery(Name = CategoryParameter)]
    public string? Category { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [.. Sorts.Keys];

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
        _loaded = true;
        if (_domain is not null)
        {
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_domain.Name, href: null),
            ];
        }
    }

    protected override async Task<(IReadOnlyList<DomainMember> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var search = new DomainMemberSearch(new DomainMemberFilter(ValidOnOrToday, _category), Sorts[sortLabel], descending, page, pageSize);
        var result = await ApplicationDomains.SearchMembersAsync(Code, search, cancellationToken);
        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() => new Dictionary<string, object?>
    {
        [ValidOnParameter] = _validOn is { } date ? RegistryDates.ToQuery(date) : null,
        [CategoryParameter] = _category,
    };

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
