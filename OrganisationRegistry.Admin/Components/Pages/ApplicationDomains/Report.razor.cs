using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.ApplicationDomains;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// The report "who falls under this domain on a date" (<c>op</c>, default today): the number per category and in all,
/// and the organisations by category and name (paged on the server, optionally one category: <c>categorie</c>), with
/// the same selection as CSV. For anyone signed in, like the other domain pages.
/// </summary>
public partial class Report
{
    public const string OnParameter = "op";
    public const string CategoryParameter = "categorie";

    private const string CategorySort = "categorie";

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Organisaties per categorie" };

    private DomainReport? _report;
    private bool _loaded;
    private DateOnly? _on;
    private string? _category;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = OnParameter)]
    public string? OnText { get; set; }

    [SupplyParameterFromQuery(Name = CategoryParameter)]
    public string? Category { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [CategorySort];

    private DateOnly On => _on ?? RegistryDates.Today(Clock);

    private string ResultText => TotalCount switch
    {
        null => "Organisaties worden geladen…",
        { } count => $"{(count == 1 ? "1 organisatie" : $"{count.ToString("N0", Validity.DutchBelgium)} organisaties")} op {RegistryDates.Display(On)}"
            + (_category is not null && _report?.Categories.FirstOrDefault(c => c.Code == _category) is { } category ? $" in {category.Name}" : string.Empty),
    };

    private string ExportLink =>
        Navigation.GetUriWithQueryParameters(
            ApplicationDomainLinks.Export(Code),
            new Dictionary<string, object?>
            {
                [ApplicationDomainExportEndpoints.ValidOnParameter] = RegistryDates.ToQuery(On),
                [ApplicationDomainExportEndpoints.CategoryParameter] = _category,
                [ApplicationDomainExportEndpoints.OrderParameter] = ApplicationDomainExportEndpoints.ByCategory,
            });

    private string ExportFileName => $"{Code}-{RegistryDates.ToQuery(On)}.csv";

    private string ChangesLink =>
        Navigation.GetUriWithQueryParameters(
            ApplicationDomainLinks.Changes(Code),
            new Dictionary<string, object?> { [Changes.ToParameter] = RegistryDates.ToQuery(On) });

    protected override void OnParametersSet()
    {
        _on = RegistryDates.FromQuery(OnText);
        _category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        base.OnParametersSet();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && _report?.DomainCode == Code && _report.On == On)
        {
            return;
        }

        _report = await ApplicationDomains.ReportAsync(Code, On);
        if (_report is not null)
        {
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_report.DomainName, ApplicationDomainLinks.Detail(Code)),
                new BreadcrumbItem("Rapport", href: null),
            ];
        }

        _loaded = true;
    }

    protected override async Task<(IReadOnlyList<DomainMember> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var search = new DomainMemberSearch(new DomainMemberFilter(On, _category), DomainMemberSort.Category, Descending: false, page, pageSize);
        var result = await ApplicationDomains.SearchMembersAsync(Code, search, cancellationToken);
        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() => new Dictionary<string, object?>
    {
        [OnParameter] = _on is { } date ? RegistryDates.ToQuery(date) : null,
        [CategoryParameter] = _category,
    };

    /// <summary>This page for one category (or all: <c>null</c>), on the same date, from the first page.</summary>
    private string CategoryLink(string? category) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [CategoryParameter] = category,
            [PageParameter] = null,
        });

    private void OnDateChanged(DateOnly? date)
    {
        if (date != _on)
        {
            _on = date;
            NavigateToFilters(FilterParameters());
        }
    }
}
