using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>
/// List reconciliation: upload an expert's own list of a domain's members, compare it with the register on a reference
/// date, select differences and apply them all or nothing (<see cref="ReconciliationService"/>).
/// </summary>
public partial class DomainReconciliation
{
    private static readonly DifferenceKind[] Kinds =
        [DifferenceKind.MissingInRegister, DifferenceKind.MissingInList, DifferenceKind.OtherCategory, DifferenceKind.OtherPeriod];

    private readonly HashSet<DifferenceKey> _selected = [];
    private ApplicationDomainOverview? _domain;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _loaded;
    private bool _mayManage;
    private DateOnly _referenceDate;
    private string? _fileName;
    private byte[]? _content;
    private ReconciliationReport? _report;
    private ReconciliationApplyReport? _result;
    private string? _message;
    private bool _busy;

    [Inject]
    private ApplicationDomainQueries ApplicationDomains { get; set; } = null!;

    [Inject]
    private AssignmentEditQueries AssignmentQueries { get; set; } = null!;

    [Inject]
    private ReconciliationService Reconciliation { get; set; } = null!;

    [Inject]
    private PageRights Rights { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    /// <summary>The page's address for a domain.</summary>
    public static string Link(string code) => $"{ApplicationDomainLinks.Detail(code)}/vergelijken";

    private string ResultSummary => _result switch
    {
        null => string.Empty,
        { Applied: true } result =>
            $"{Count(result.Rows.Count, "wijziging", "wijzigingen")} toegepast. Reden in de audit: {result.Reason}.",
        { } result =>
            $"Er werd niets toegepast: {result.Problems} van {Count(result.Rows.Count, "gekozen verschil", "gekozen verschillen")} kan of kon niet. " +
            "Vergelijk opnieuw of laat ze weg en probeer opnieuw.",
    };

    protected override async Task OnParametersSetAsync()
    {
        _referenceDate = RegistryDates.Today(Clock);
        _domain = await ApplicationDomains.GetAsync(Code, _referenceDate);
        if (_domain is not null)
        {
            var id = await AssignmentQueries.DomainIdAsync(Code);
            _mayManage = id is not null && await Rights.AllowsAsync(RegistryPolicies.ManageAssignments, new DomainResource(id.Value));
            _breadcrumbs =
            [
                new BreadcrumbItem("Toepassingsgebieden", ApplicationDomainLinks.List),
                new BreadcrumbItem(_domain.Name, ApplicationDomainLinks.Detail(_domain.Code)),
                new BreadcrumbItem("Lijst vergelijken", href: null),
            ];
        }

        _loaded = true;
    }

    private void OnReferenceDateChanged(DateOnly? date)
    {
        _referenceDate = date ?? RegistryDates.Today(Clock);
        Forget();
    }

    private async Task OnFileChosenAsync(IBrowserFile? file)
    {
        Forget();
        _content = null;
        _fileName = null;
        if (file is null)
        {
            return;
        }

        if (file.Size > MemberListReader.MaxBytes)
        {
            _message = MemberListReader.TooLarge().Message;
            return;
        }

        try
        {
            await using var stream = file.OpenReadStream(MemberListReader.MaxBytes);
            _content = await MemberListReader.ReadContentAsync(stream);
            _fileName = file.Name;
        }
        catch (DomainRuleException tooLarge)
        {
            _message = tooLarge.Message;
        }
    }

    private Task CompareAsync() => RunAsync(async user =>
    {
        _result = null;
        await RefreshAsync(user);
    });

    private async Task ApplyAsync()
    {
        if (_report is not { } report || _content is null || _selected.Count == 0)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Verschillen toepassen",
            $"U past {Count(_selected.Count, "wijziging", "wijzigingen")} toe uit '{report.FileName}' op referentiedatum {RegistryDates.Display(report.ReferenceDate)}. " +
            "Alles wordt in één keer geschreven, of niets als één ervan niet meer kan. De naam van het bestand wordt de reden in de audit.",
            yesText: "Toepassen",
            cancelText: "Annuleren");
        if (confirmed != true)
        {
            return;
        }

        // The selection in the order the page shows it.
        var keys = report.Differences.Select(d => d.Key).Where(_selected.Contains).ToList();
        await RunAsync(async user =>
        {
            _result = await Reconciliation.ApplyAsync(user, new ApplyMemberList(Code, report.ReferenceDate, report.FileName, _content, keys));
            if (_result.Applied)
            {
                // Show what is left: the register has changed.
                await RefreshAsync(user);
            }
        });
    }

    private async Task RefreshAsync(RegistryUser user)
    {
        _selected.Clear();
        _report = await Reconciliation.CompareAsync(user, new CompareMemberList(Code, _referenceDate, _fileName!, _content!));
    }

    private async Task RunAsync(Func<RegistryUser, Task> action)
    {
        _message = null;
        if (_content is null || _fileName is null)
        {
            return;
        }

        _busy = true;
        try
        {
            await action(await CurrentUser.GetAsync());
        }
        catch (ValidationException validation)
        {
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

    /// <summary>A new file or date makes the comparison and its selection meaningless.</summary>
    private void Forget()
    {
        _report = null;
        _result = null;
        _message = null;
        _selected.Clear();
    }

    private void Toggle(DifferenceKey key, bool selected)
    {
        if (selected)
        {
            _selected.Add(key);
        }
        else
        {
            _selected.Remove(key);
        }
    }

    private bool AllSelected(DifferenceKind kind) =>
        _report is { } report && report.Of(kind).Where(d => d.CanApply).All(d => _selected.Contains(d.Key)) && report.Of(kind).Any(d => d.CanApply);

    private void SelectAll(DifferenceKind kind, bool selected)
    {
        foreach (var difference in _report?.Of(kind).Where(d => d.CanApply) ?? [])
        {
            Toggle(difference.Key, selected);
        }
    }

    private static string KindName(DifferenceKind kind) => kind switch
    {
        DifferenceKind.MissingInRegister => "In de lijst, niet in het register",
        DifferenceKind.MissingInList => "In het register, niet in de lijst",
        DifferenceKind.OtherCategory => "Andere categorie",
        DifferenceKind.OtherPeriod => "Andere periode",
        _ => kind.ToString(),
    };

    private static string IssueName(ListIssueKind kind) => kind switch
    {
        ListIssueKind.Unknown => "Onbekend",
        ListIssueKind.Ambiguous => "Dubbelzinnig",
        ListIssueKind.Invalid => "Ongeldig",
        _ => kind.ToString(),
    };

    private static string Describe(string? category, Validity? period) =>
        (category, period) switch
        {
            (null, null) => "–",
            ({ } c, null) => c,
            (null, { } p) => p.ToString(),
            ({ } c, { } p) => $"{c}, {p}",
        };

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count.ToString("N0", Validity.DutchBelgium)} {many}";
}
