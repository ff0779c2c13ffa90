using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>
/// A page with a server-side paged and sorted <see cref="MudTable{T}"/> whose whole state (the page's filters, the
/// page number, the page size and the sort) lives in the query string, so that a link to the page shows the same list.
/// </summary>
/// <remarks>
/// The URL is the single source of truth. Filters and sort headers change the URL (<see cref="NavigateToFilters"/>,
/// <see cref="SortOn"/>); a URL that the table did not produce itself (a filter, a sort, a shared link, back/forward)
/// reloads the table on the URL's page (the table stays, so keyboard focus stays where it was). When the table pages,
/// <see cref="LoadAsync"/> writes the new position back to the URL, replacing the history entry. Sorting goes through
/// <see cref="SortHeader"/> rather than MudTableSortLabel, whose header is not reachable by keyboard.
/// </remarks>
public abstract class ServerListPage<TItem> : ComponentBase
{
    public const string PageParameter = "pagina";
    public const string PageSizeParameter = "aantal";
    public const string SortParameter = "sorteer";
    public const string DescendingParameter = "aflopend";

    private string? _shownUri;
    private bool _reload;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = PageParameter)]
    public int? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = PageSizeParameter)]
    public int? PageSize { get; set; }

    [SupplyParameterFromQuery(Name = SortParameter)]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = DescendingParameter)]
    public bool? Descending { get; set; }

    /// <summary>The table (<c>@ref</c>); its <c>CurrentPage</c> is bound to <see cref="InitialPageIndex"/>.</summary>
    protected MudTable<TItem>? Table { get; set; }

    /// <summary>The number of rows that match, once the table has loaded.</summary>
    protected int? TotalCount { get; private set; }

    /// <summary>The page sizes offered; the first is the default.</summary>
    protected virtual int[] PageSizes => [25, 50, 100];

    /// <summary>The table's zero-based page as the URL asks for it.</summary>
    protected int InitialPageIndex => Math.Max((PageNumber ?? 1) - 1, 0);

    protected int InitialPageSize => PageSize is { } size && PageSizes.Contains(size) ? size : PageSizes[0];

    /// <summary>The sort labels this page knows; the first one is the default sort.</summary>
    protected abstract IReadOnlyList<string> SortLabels { get; }

    /// <summary>The direction in which a sort label's column is sorted, as the URL asks for it.</summary>
    protected SortDirection DirectionOf(string sortLabel) =>
        sortLabel != CurrentSortLabel ? SortDirection.None
        : Descending == true ? SortDirection.Descending
        : SortDirection.Ascending;

    private string CurrentSortLabel => Sort is { } sort && SortLabels.Contains(sort) ? sort : SortLabels[0];

    /// <summary>Loads one page for the table's position, with the filters of the current URL.</summary>
    protected abstract Task<(IReadOnlyList<TItem> Items, int TotalCount)> LoadPageAsync(
        int page, int pageSize, string sortLabel, bool descending, CancellationToken cancellationToken);

    /// <summary>The page's filters as they appear in the URL (null: absent).</summary>
    protected abstract IReadOnlyDictionary<string, object?> FilterParameters();

    protected override void OnParametersSet()
    {
        if (_shownUri is not null && _shownUri != Navigation.Uri)
        {
            // A new URL that the table did not produce. A new page number reloads the table by itself (through its
            // CurrentPage parameter); otherwise reload it once it has its new parameters.
            _reload = Table is not null && Table.CurrentPage == InitialPageIndex;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reload && Table is not null)
        {
            _reload = false;
            await Table.ReloadServerData();
        }
    }

    /// <summary>The table's <c>ServerData</c>: the table's page, the URL's filters and sort.</summary>
    protected async Task<TableData<TItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sortLabel = CurrentSortLabel;
        var descending = Descending == true;
        var (items, total) = await LoadPageAsync(state.Page + 1, state.PageSize, sortLabel, descending, cancellationToken);
        TotalCount = total;

        var parameters = new Dictionary<string, object?>(FilterParameters())
        {
            [PageParameter] = state.Page > 0 ? state.Page + 1 : null,
            [PageSizeParameter] = state.PageSize != PageSizes[0] ? state.PageSize : null,
            [SortParameter] = sortLabel != SortLabels[0] ? sortLabel : null,
            [DescendingParameter] = descending ? "true" : null,
        };
        _shownUri = Navigation.GetUriWithQueryParameters(parameters);
        if (_shownUri != Navigation.Uri)
        {
            Navigation.NavigateTo(_shownUri, replace: true);
        }

        StateHasChanged();
        return new TableData<TItem> { Items = items, TotalItems = total };
    }

    /// <summary>Sorts on a column, or turns the direction round when the list is sorted on it already; back to page 1.</summary>
    protected void SortOn(string sortLabel)
    {
        var descending = sortLabel == CurrentSortLabel && Descending != true;
        var parameters = new Dictionary<string, object?>
        {
            [PageParameter] = null,
            [SortParameter] = sortLabel != SortLabels[0] ? sortLabel : null,
            [DescendingParameter] = descending ? "true" : null,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true);
    }

    /// <summary>
    /// Changes filters: back to the first page, the sort and page size stay. <paramref name="replace"/> keeps the
    /// history short for changes made while typing.
    /// </summary>
    protected void NavigateToFilters(IReadOnlyDictionary<string, object?> filters, bool replace = false)
    {
        var parameters = new Dictionary<string, object?>(filters) { [PageParameter] = null };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: replace);
    }
}
