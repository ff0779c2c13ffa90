using Microsoft.AspNetCore.Components;
using OrganisationRegistry.Admin.Auditing;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Audit;

/// <summary>
/// The review of the audit trail for central staff (everything) and domain stewards (their domain's history), newest
/// first (or oldest first), filtered and paged on the server; every filter lives in the query string
/// (<see cref="AuditFilterQuery"/>), which the CSV export takes over as it is.
/// </summary>
public partial class Index
{
    public const string OldestFirstParameter = "oudsteEerst";

    private const string TimeSort = "tijd";

    private static readonly Dictionary<string, object> TableLabel = new() { ["aria-label"] = "Auditgegevens" };

    private readonly HashSet<long> _expanded = [];
    private RegistryUser _user = RegistryUser.Anonymous;
    private AuditAccess? _access;
    private IReadOnlyList<ApplicationDomainChoice> _domains = [];
    private AuditFilter _filter = new();
    private bool _countIsCapped;
    private bool _oldestFirst;

    [SupplyParameterFromQuery(Name = OldestFirstParameter)]
    public bool? OldestFirst { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.From)]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.To)]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Actor)]
    public string? Actor { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.ActorOrganisation)]
    public string? ActorOrganisation { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Organisation)]
    public string? Organisation { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Domain)]
    public string? Domain { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.EntityType)]
    public string? EntityType { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Operation)]
    public string? Operation { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Channel)]
    public string? Channel { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.CorrelationId)]
    public string? CorrelationId { get; set; }

    [SupplyParameterFromQuery(Name = AuditFilterQuery.Text)]
    public string? Text { get; set; }

    protected override IReadOnlyList<string> SortLabels { get; } = [TimeSort];

    private string ResultText => TotalCount switch
    {
        null => "Wijzigingen worden geladen…",
        1 => "1 wijziging gevonden",
        { } count when _countIsCapped => $"Meer dan {count.ToString("N0", Validity.DutchBelgium)} wijzigingen gevonden; verfijn de filters om verder terug te gaan",
        { } count => $"{count.ToString("N0", Validity.DutchBelgium)} wijzigingen gevonden",
    };

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.GetAsync();
        _access = await Audit.AccessAsync(_user);
        var domains = await ApplicationDomains.ListChoicesAsync();
        _domains = _access.All ? domains : [.. domains.Where(d => _access.DomainCodes.Contains(d.Code))];
    }

    protected override void OnParametersSet()
    {
        // The inputs show what the URL asks for (also after back/forward or when a link is opened).
        var query = new Dictionary<string, string?>
        {
            [AuditFilterQuery.From] = From,
            [AuditFilterQuery.To] = To,
            [AuditFilterQuery.Actor] = Actor,
            [AuditFilterQuery.ActorOrganisation] = ActorOrganisation,
            [AuditFilterQuery.Organisation] = Organisation,
            [AuditFilterQuery.Domain] = Domain,
            [AuditFilterQuery.EntityType] = EntityType,
            [AuditFilterQuery.Operation] = Operation,
            [AuditFilterQuery.Channel] = Channel,
            [AuditFilterQuery.CorrelationId] = CorrelationId,
            [AuditFilterQuery.Text] = Text,
        };
        _filter = AuditFilterQuery.Read(name => query.GetValueOrDefault(name));
        _oldestFirst = OldestFirst == true;
        base.OnParametersSet();
    }

    protected override async Task<(IReadOnlyList<AuditListItem> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken)
    {
        var result = await Audit.SearchAsync(_user, _filter, page, pageSize, _oldestFirst, cancellationToken);
        _countIsCapped = result.CountIsCapped;
        return (result.Items, result.TotalCount);
    }

    protected override IReadOnlyDictionary<string, object?> FilterParameters() =>
        new Dictionary<string, object?>(AuditFilterQuery.Parameters(_filter)) { [OldestFirstParameter] = _oldestFirst ? "true" : null };

    /// <summary>Takes the new filters at once (inputs keep them while the URL changes) and goes to the first page.</summary>
    private void Change(AuditFilter filter, bool replace = false)
    {
        if (filter != _filter)
        {
            _filter = filter;
            NavigateToFilters(FilterParameters(), replace);
        }
    }

    private void OnOldestFirstChanged(bool oldestFirst)
    {
        if (oldestFirst != _oldestFirst)
        {
            _oldestFirst = oldestFirst;
            NavigateToFilters(FilterParameters());
        }
    }

    private void Toggle(long position)
    {
        if (!_expanded.Remove(position))
        {
            _expanded.Add(position);
        }
    }

    private string CorrelationLink(string correlationId) =>
        Navigation.GetUriWithQueryParameters("/audit", new Dictionary<string, object?> { [AuditFilterQuery.CorrelationId] = correlationId });
}
