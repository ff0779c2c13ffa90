using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.ApplicationDomains;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// The changes in a domain between two dates (<c>van</c>, default 1 January of this year; <c>tot</c>, default today):
/// the counts per kind and per category, and the changes by name (paged on the server, optionally of one kind:
/// <c>soort</c>), with the same selection as CSV. Dates the wrong way round give a Dutch message, no list.
/// </summary>
public partial class Changes
{
    public const string FromParameter = ApplicationDomainExportEndpoints.FromParameter;
    public const string ToParameter = ApplicationDomainExportEndpoints.ToParameter;
    public const string KindParameter = ApplicationDomainExportEndpoints.KindParameter;

    private const string NameSort = "naam";

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Wijzigingen" };

    private string? _domainName;
    private DomainChangesSummary? _summary;
    private bool _loaded;
    private DateOnly? _from;
    private DateOnly? _to;
    private DomainChangeKind? _kind;
    private string? _error;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = FromParameter)]
    public string? FromText { get; set; }

    [SupplyParameterFromQuery(Name = ToParameter)]
    public string? ToText { get; set; }

    [SupplyParameterFromQuery(Name = KindParameter)]
    public string? KindText { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [NameSort];

    private DateOnly To => _to ?? RegistryDates.Today(Clock);

    private DateOnly From => _from ?? new DateOnly(RegistryDates.Today(Clock).Year, 1, 1);

    private DomainChangesFilter Filter => new(From, To, _kind);

    private string ResultText => TotalCount switch
    {
        null => "Wijzigingen worden geladen…",
        1 => $"1 wijziging van {RegistryDates.Display(From)} tot {RegistryDates.Display(To)}",
        { } count => $"{count.ToString("N0", Validity.DutchBelgium)} wijzigingen van {RegistryDates.Display(From)} tot {RegistryDates.Display(To)}",
    };

    private string ExportLink =>
        Navigation.GetUriWithQueryParameters(ApplicationDomainLinks.ChangesExport(Code), Dates(_kind));

    private string ExportFileName => $"{Code}-wijzigingen-{RegistryDates.ToQuery(From)}-{RegistryDates.ToQuery(To)}.csv";

    private string ReportLink =>
        Navigation.GetUriWithQueryParameters(
            ApplicationDomainLinks.Report(Code),
            new Dictionary<string, object?> { [Report.OnParameter] = RegistryDates.ToQuery(To) });

    protected override void OnParametersSet()
    {
        _from = RegistryDates.FromQuery(FromText);
        _to = RegistryDates.FromQuery(ToText);
        _kind = DomainChangeKinds.FromCode(KindText);
        base.OnParametersSet();
    }

    protected override async Task OnParametersSetAsync()
    {
        _error = DomainChangesFilter.PeriodError(From, To);
        if (_error is not null)
        {
            _summary = null;
            _domainName ??= (await ApplicationDomains.GetAsync(Code, To))?.Name;
        }
        else if (!_loaded || _summary is null || _summary.DomainCode != Code || _summary.From != From || _summary.To != To)
        {
            _summary = await ApplicationDomains.SummariseChangesAsync(Code, Filter);
            _domainName = _summary?.DomainName;
        }

        if (_domainName is not null)
        {
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_domainName, ApplicationDomainLinks.Detail(Code)),
                new BreadcrumbItem("Wijzigingen", href: null),
            ];
        }

        _loaded = true;
    }

    protected override async Task<(IReadOnlyList<DomainChange> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var result = await ApplicationDomains.SearchChangesAsync(Code, new DomainChangesSearch(Filter, page, pageSize), cancellationToken);
        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() => new Dictionary<string, object?>
    {
        [FromParameter] = _from is { } from ? RegistryDates.ToQuery(from) : null,
        [ToParameter] = _to is { } to ? RegistryDates.ToQuery(to) : null,
        [KindParameter] = _kind is { } kind ? DomainChangeKinds.Code(kind) : null,
    };

    /// <summary>Both dates as they are in effect (also the defaults), and a kind.</summary>
    private Dictionary<string, object?> Dates(DomainChangeKind? kind) => new()
    {
        [FromParameter] = RegistryDates.ToQuery(From),
        [ToParameter] = RegistryDates.ToQuery(To),
        [KindParameter] = kind is { } k ? DomainChangeKinds.Code(k) : null,
    };

    /// <summary>This page for one kind (or all), on the same dates, from the first page.</summary>
    private string KindLink(DomainChangeKind? kind) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>(Dates(kind)) { [PageParameter] = null });

    private static string Count(int count) => count.ToString("N0", Validity.DutchBelgium);

    private static string Period(DomainChangeSide? side) => side is null ? "–" : side.Validity.ToString();

    private void OnFromChanged(DateOnly? date)
    {
        if (date != _from)
        {
            _from = date;
            NavigateToFilters(FilterParameters());
        }
    }

    private void OnToChanged(DateOnly? date)
    {
        if (date != _to)
        {
            _to = date;
            NavigateToFilters(FilterParameters());
        }
    }
}
