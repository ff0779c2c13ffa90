using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Severity = MudBlazor.Severity;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// Assigns many organisations to one domain at once: choose them from a paged search or paste their OVO codes, give
/// one category and period, look at the preview per organisation, then apply all or nothing
/// (<see cref="AssignmentService.PreviewBulkAsync"/>, <see cref="AssignmentService.ApplyBulkAsync"/>).
/// </summary>
public partial class Bulk
{
    private const int SearchPageSize = 10;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';'];

    private readonly List<Choice> _selected = [];
    private readonly FormModel _model = new();
    private MudForm? _form;
    private ApplicationDomainOverview? _domain;
    private IReadOnlyList<CategoryChoice> _categories = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _loaded;
    private bool _mayManage;
    private string? _query;
    private int _page = 1;
    private OrganisationSearchResult? _results;
    private string? _pasted;
    private BulkAssignmentReport? _report;
    private bool _reportIsPreview;
    private string? _message;
    private bool _busy;

    [Inject]
    private ApplicationDomainQueries ApplicationDomains { get; set; } = null!;

    [Inject]
    private AssignmentEditQueries AssignmentQueries { get; set; } = null!;

    [Inject]
    private OrganisationQueries Organisations { get; set; } = null!;

    [Inject]
    private AssignmentService Assignments { get; set; } = null!;

    [Inject]
    private IValidator<BulkAssignToDomain> Validator { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    private int PageCount => _results is { } results ? Math.Max(1, (results.TotalCount + SearchPageSize - 1) / SearchPageSize) : 1;

    private string SearchResultText => _results switch
    {
        null => string.Empty,
        { TotalCount: 0 } => "Geen organisaties gevonden.",
        { TotalCount: 1 } => "1 organisatie gevonden",
        { } results => $"{results.TotalCount.ToString("N0", Validity.DutchBelgium)} organisaties gevonden",
    };

    private Severity ReportSeverity => _report switch
    {
        { Applied: true } => Severity.Success,
        { AllOk: true } => Severity.Info,
        _ => Severity.Error,
    };

    private string ReportSummary => _report switch
    {
        null => string.Empty,
        { Applied: true } report => $"{Count(report.Rows.Count)} toegewezen aan {_domain!.Name}.",
        { AllOk: true } report => $"Alle {Count(report.Rows.Count)} kunnen toegewezen worden. Kies Toepassen om ze toe te wijzen.",
        { } report when _reportIsPreview =>
            $"{report.Conflicts} van {Count(report.Rows.Count)} geven een conflict. Toepassen schrijft niets zolang er een conflict is: laat ze weg of pas de toewijzing aan.",
        { } report =>
            $"Er werd niets opgeslagen: {report.Conflicts} van {Count(report.Rows.Count)} geven een conflict. Laat ze weg of pas de toewijzing aan en probeer opnieuw.",
    };

    protected override async Task OnParametersSetAsync()
    {
        _domain = await ApplicationDomains.GetAsync(Code, RegistryDates.Today(Clock));
        if (_domain is not null)
        {
            var domain = (await AssignmentQueries.DomainsAsync()).Single(d => d.Code == _domain.Code);
            _categories = [.. domain.Categories.Where(c => c.IsActive)];
            _mayManage = await Rights.AllowsAsync(RegistryPolicies.ManageAssignments, new DomainResource(domain.Id));
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_domain.Name, ApplicationDomainLinks.Detail(_domain.Code)),
                new BreadcrumbItem("Meerdere organisaties toewijzen", href: null),
            ];
        }

        _loaded = true;
    }

    // ---- Choosing organisations ------------------------------------------------------------------------------

    private async Task OnQueryChangedAsync(string? query)
    {
        _query = query;
        _page = 1;
        await SearchAsync();
    }

    private async Task PreviousPageAsync()
    {
        _page--;
        await SearchAsync();
    }

    private async Task NextPageAsync()
    {
        _page++;
        await SearchAsync();
    }

    private async Task SearchAsync() =>
        _results = string.IsNullOrWhiteSpace(_query)
            ? null
            : await Organisations.SearchAsync(new OrganisationSearch(_query, Page: _page, PageSize: SearchPageSize));

    private bool IsSelected(string ovoCode) => _selected.Exists(c => c.OvoCode == ovoCode);

    private void Toggle(OrganisationListItem organisation, bool selected)
    {
        if (selected)
        {
            Add(organisation.OvoCode.Value, organisation.Name);
        }
        else
        {
            Remove(organisation.OvoCode.Value);
        }
    }

    private void SelectPage()
    {
        foreach (var organisation in _results?.Items ?? [])
        {
            Add(organisation.OvoCode.Value, organisation.Name);
        }
    }

    /// <summary>Adds every code of the pasted text; what is not an OVO code is kept as typed, for the preview to report.</summary>
    private void AddPasted()
    {
        foreach (var token in (_pasted ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(OvoCode.TryParse(token, out var code) ? code.Value : token, name: null);
        }

        _pasted = null;
    }

    private void Add(string ovoCode, string? name)
    {
        if (!IsSelected(ovoCode))
        {
            _selected.Add(new Choice(ovoCode, name));
            _report = null;
        }
    }

    private void Remove(string ovoCode)
    {
        _selected.RemoveAll(c => c.OvoCode == ovoCode);
        _report = null;
    }

    private void ClearSelection()
    {
        _selected.Clear();
        _report = null;
    }

    // ---- Preview and apply -----------------------------------------------------------------------------------

    private Task PreviewAsync() => RunAsync(preview: true);

    private Task ApplyAsync() => RunAsync(preview: false);

    private async Task RunAsync(bool preview)
    {
        _message = null;
        if (_form is not null)
        {
            await _form.ValidateAsync();
            if (!_form.IsValid)
            {
                return;
            }
        }

        _busy = true;
        try
        {
            var user = await CurrentUser.GetAsync();
            _report = preview ? await Assignments.PreviewBulkAsync(user, Command()) : await Assignments.ApplyBulkAsync(user, Command());
            _reportIsPreview = preview;
            if (_report.Applied)
            {
                Snackbar.Add(ReportSummary, Severity.Success);
                _selected.Clear();
            }
        }
        catch (ValidationException validation)
        {
            _report = null;
            _message = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is DomainRuleException or ForbiddenException or ConcurrencyConflictException)
        {
            _report = null;
            _message = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Func<T, Task<IEnumerable<string>>> Field<T>(string property) =>
        FormValidation.Field<T>(name => Validator.MessagesForAsync(Command(), name), property);

    private BulkAssignToDomain Command() => new(
        [.. _selected.Select(c => c.OvoCode)],
        Code,
        _model.CategoryCode ?? string.Empty,
        RegistryDates.FromPicker(_model.ValidFrom),
        RegistryDates.FromPicker(_model.ValidTo),
        string.IsNullOrWhiteSpace(_model.ParentOvoCode) ? null : _model.ParentOvoCode,
        string.IsNullOrWhiteSpace(_model.Remark) ? null : _model.Remark.Trim());

    private static string Count(int organisations) => organisations == 1 ? "1 organisatie" : $"{organisations} organisaties";

    /// <summary>A chosen organisation: from the search (with its name) or pasted (its code as typed).</summary>
    private sealed record Choice(string OvoCode, string? Name)
    {
        public string Describe() => Name is null ? OvoCode : $"{Name} ({OvoCode})";
    }

    private sealed class FormModel
    {
        public string? CategoryCode { get; set; }

        public DateTime? ValidFrom { get; set; }

        public DateTime? ValidTo { get; set; }

        public string? ParentOvoCode { get; set; }

        public string? Remark { get; set; }
    }
}
