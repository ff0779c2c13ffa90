using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Organisations;

/// <summary>
/// The register's organisations: search, filter by application domain and date, a paged and sorted table. Every
/// choice is kept in the query string (<c>zoek</c>, <c>gebied</c>, <c>geldigOp</c>, <c>pagina</c>, <c>aantal</c>,
/// <c>sorteer</c>, <c>aflopend</c>), so a link shows the same list.
/// </summary>
public partial class Index
{
    public const string QueryParameter = "zoek";
    public const string DomainParameter = "gebied";
    public const string ValidOnParameter = "geldigOp";

    private const string NameSort = "naam";
    private const string ShortNameSort = "kortenaam";
    private const string OvoSort = "ovo";
    private const string KboSort = "kbo";
    private const string ValidFromSort = "geldigvanaf";

    private static readonly Dictionary<string, OrganisationSort> Sorts = new(StringComparer.Ordinal)
    {
        [NameSort] = OrganisationSort.Name,
        [ShortNameSort] = OrganisationSort.ShortName,
        [OvoSort] = OrganisationSort.OvoCode,
        [KboSort] = OrganisationSort.KboNumber,
        [ValidFromSort] = OrganisationSort.ValidFrom,
    };

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Organisaties" };

    private IReadOnlyList<ApplicationDomainChoice> _domains = [];
    private string? _query;
    private string? _domain;
    private DateOnly? _validOn;
    private bool _mayCreate;
    private bool _mayCreateFromKbo;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [SupplyParameterFromQuery(Name = QueryParameter)]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = DomainParameter)]
    public string? Domain { get; set; }

    [SupplyParameterFromQuery(Name = ValidOnParameter)]
    public string? ValidOn { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [.. Sorts.Keys];

    private string ResultText => TotalCount switch
    {
        null => "Organisaties worden geladen…",
        1 => "1 organisatie gevonden",
        { } count => $"{count.ToString("N0", Validity.DutchBelgium)} organisaties gevonden",
    };

    protected override async Task OnInitializedAsync()
    {
        _domains = await ApplicationDomains.ListChoicesAsync();
        _mayCreate = await Rights.AllowsAsync(RegistryPolicies.CreateOrganisation);
        _mayCreateFromKbo = await Rights.AllowsAsync(RegistryPolicies.CoupleKbo);
    }

    private Task CreateAsync() => ShowCreateAsync("Nieuwe organisatie", new DialogParameters<OrganisationDialog>());

    private Task CreateFromKboAsync() => ShowCreateAsync("Nieuwe organisatie uit de KBO", new DialogParameters<KboCreateDialog>());

    private async Task ShowCreateAsync<TDialog>(string title, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        if (await Dialogs.ShowForResultAsync(title, parameters) is CreatedOrganisation created)
        {
            Navigation.NavigateTo(OrganisationLinks.Detail(OvoCode.Parse(created.OvoCode)));
        }
    }

    protected override void OnParametersSet()
    {
        // The inputs show what the URL asks for (also after back/forward or when a link is opened).
        _query = Normalise(Query);
        _domain = Normalise(Domain);
        _validOn = RegistryDates.FromQuery(ValidOn);
        base.OnParametersSet();
    }

    protected override async Task<(IReadOnlyList<OrganisationListItem> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var search = new OrganisationSearch(_query, _domain, _validOn, Sorts[sortLabel], descending, page, pageSize);
        var result = await Organisations.SearchAsync(search, cancellationToken);
        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() => new Dictionary<string, object?>
    {
        [QueryParameter] = _query,
        [DomainParameter] = _domain,
        [ValidOnParameter] = _validOn is { } date ? RegistryDates.ToQuery(date) : null,
    };

    // Each handler takes the new value at once, so that the input keeps it while the URL changes (MudBlazor inputs
    // report a change again when they are re-rendered with the old value), and ignores a value it already has.
    private void OnQueryChanged(string? query)
    {
        if (Normalise(query) != _query)
        {
            _query = Normalise(query);
            NavigateToFilters(FilterParameters(), replace: true);
        }
    }

    private void OnDomainChanged(string? domain)
    {
        if (Normalise(domain) != _domain)
        {
            _domain = Normalise(domain);
            NavigateToFilters(FilterParameters());
        }
    }

    private void OnValidOnChanged(DateOnly? date)
    {
        if (date != _validOn)
        {
            _validOn = date;
            NavigateToFilters(FilterParameters());
        }
    }

    private static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
