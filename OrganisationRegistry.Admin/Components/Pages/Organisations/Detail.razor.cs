using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Organisations;

/// <summary>
/// One organisation: its general data and, per tab, its structure, keys and application domains, over time or as on
/// the date in <c>geldigOp</c>. The open tab is kept in <c>tab</c>, so a link opens the same view.
/// </summary>
public partial class Detail
{
    public const string AsOnParameter = "geldigOp";
    public const string TabParameter = "tab";

    private static readonly string[] Tabs = ["structuur", "sleutels", "toepassingsgebieden", "historiek"];

    private OrganisationDetail? _detail;
    private bool _loaded;
    private (string Ovo, DateOnly? AsOn)? _shown;
    private DateOnly? _asOn;
    private DateOnly _today;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IReadOnlyList<EditableAssignment> _assignments = [];
    private HashSet<Guid> _manageableDomains = [];
    private HashSet<Guid> _correctableDomains = [];
    private bool _mayAssign;

    [Inject]
    private AssignmentEditQueries AssignmentQueries { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Parameter]
    public string Ovo { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = AsOnParameter)]
    public string? AsOn { get; set; }

    [SupplyParameterFromQuery(Name = TabParameter)]
    public string? Tab { get; set; }

    /// <summary>Central staff, and stewards for their domains' entries (the audit review's own rule).</summary>
    private bool _mayReviewHistory;

    private bool _mayEditAnyAssignment => _manageableDomains.Count > 0 || _correctableDomains.Count > 0;

    private int ActiveTab => Math.Max(Array.IndexOf(Tabs, Tab), 0);

    private string NotFoundText => OvoCode.TryParse(Ovo, out var code)
        ? $"Er is geen organisatie met OVO-code {code.Value} in het register."
        : $"'{Ovo}' is geen geldige OVO-code. Een OVO-code is OVO gevolgd door 6 cijfers, bv. OVO000123.";

    protected override async Task OnParametersSetAsync()
    {
        _today = RegistryDates.Today(Clock);
        _asOn = RegistryDates.FromQuery(AsOn);
        if (_shown == (Ovo, _asOn))
        {
            return; // only the tab changed
        }

        _detail = OvoCode.TryParse(Ovo, out var code) ? await Organisations.GetAsync(code, _asOn) : null;
        _shown = (Ovo, _asOn);
        if (_detail is null)
        {
            _loaded = true;
            // Prerendered: answer 404 as well, for links checkers and search engines.
            if (HttpContext is { Response.HasStarted: false } http)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        _breadcrumbs =
        [
            new BreadcrumbItem("Organisaties", OrganisationLinks.List),
            new BreadcrumbItem(_detail.Name, href: null),
        ];
        await LoadStructureAndKeysAsync();
        _mayAssign = await Rights.AllowsAsync(RegistryPolicies.ManageAssignments);
        _mayReviewHistory = (await AuditReview.AccessAsync(await CurrentUser.GetAsync())).Any;
        await ReloadAssignmentsAsync();

        // Only now: the data and its edit controls appear together.
        _loaded = true;
    }

    /// <summary>The assignments with their ids, and per domain whether the user may change or correct them.</summary>
    private async Task ReloadAssignmentsAsync()
    {
        _assignments = await AssignmentQueries.ForOrganisationAsync(_detail!.OvoCode, _asOn);
        _manageableDomains = [];
        _correctableDomains = [];
        foreach (var domainId in _assignments.Select(a => a.DomainId).Distinct())
        {
            var domain = new DomainResource(domainId);
            if (await Rights.AllowsAsync(RegistryPolicies.ManageAssignments, domain))
            {
                _manageableDomains.Add(domainId);
            }

            if (await Rights.AllowsAsync(RegistryPolicies.CorrectAssignments, domain))
            {
                _correctableDomains.Add(domainId);
            }
        }
    }

    private async Task AssignAsync()
    {
        var parameters = new DialogParameters<AssignmentDialog>
        {
            { d => d.OvoCode, _detail!.OvoCode.Value },
            { d => d.OrganisationName, _detail.Name },
        };
        if (await Dialogs.ShowAsync("Toewijzen", parameters))
        {
            await ReloadAssignmentsAsync();
        }
    }

    private void OnAsOnChanged(DateOnly? date)
    {
        // Take the new date at once (the date input reports a change again when re-rendered with the old one).
        if (date == _asOn)
        {
            return;
        }

        _asOn = date;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(AsOnParameter, date is { } on ? RegistryDates.ToQuery(on) : null));
    }

    private void ShowToday() => OnAsOnChanged(_today);

    private void ShowHistory() => OnAsOnChanged(null);

    private void OnTabChanged(int index) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(TabParameter, index > 0 ? Tabs[index] : null), replace: true);

    private string Nothing(string what) => _asOn is { } on ? $"{what} op {RegistryDates.Display(on)}." : $"{what}.";

    private static string ArticleText(Article article) => article switch
    {
        Article.De => "de",
        Article.Het => "het",
        _ => string.Empty,
    };
}
