using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Admin.Components.Dialogs;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Kbo;

/// <summary>
/// The synchronisation view for central staff: the coupled organisations that differ from the register's KBO copy, a
/// page at a time from the server, with "Toepassen" per organisation (at the version listed) and "Alles toepassen"
/// (one all-or-nothing batch against the extract shown).
/// </summary>
public partial class KboSync
{
    private static readonly int[] PageSizes = [KboSyncQueries.DefaultPageSize, 50, KboSyncQueries.MaxPageSize];

    private MudTable<KboSyncItem>? _table;
    private KboSnapshot? _latest;
    private int _total;
    private bool _loaded;
    private string? _message;

    [Inject]
    private KboSyncQueries Queries { get; set; } = null!;

    [Inject]
    private KboSyncService Sync { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private string CountText => _total switch
    {
        0 => "Geen verschillen.",
        1 => "1 organisatie verschilt.",
        _ => $"{_total} organisaties verschillen.",
    };

    protected override async Task OnInitializedAsync()
    {
        var first = await Queries.ListAsync(1, 1);
        (_latest, _total, _loaded) = (first.Latest, first.TotalCount, true);
    }

    private async Task<TableData<KboSyncItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Queries.ListAsync(state.Page + 1, state.PageSize, cancellationToken);
        (_latest, _total) = (page.Latest, page.TotalCount);
        return new TableData<KboSyncItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ApplyAsync(KboSyncItem item) => RunAsync(
        async user =>
        {
            await Sync.ApplyAsync(user, new ApplyKboSync(item.OvoCode.Value, item.Version, _latest!.ImportId));
            Snackbar.Add($"De KBO-gegevens van {item.Name} ({item.OvoCode.Value}) zijn toegepast.", Severity.Success);
        });

    private async Task ApplyAllAsync()
    {
        if (await Dialogs.ConfirmAsync(
                "Alles toepassen",
                $"De KBO-gegevens ({_latest!.Description}) overnemen voor alle {_total} organisaties die verschillen, in één keer? " +
                "Lukt het voor één organisatie niet, dan wordt niets toegepast.",
                async user =>
                {
                    var result = await Sync.ApplyAllAsync(user, new ApplyAllKboSync(_latest.ImportId));
                    Snackbar.Add($"{result.Updated} organisatie(s) bijgewerkt, {result.Stopped} stopgezet.", Severity.Success);
                },
                "De KBO-synchronisatie is toegepast.",
                "Alles toepassen"))
        {
            await ReloadAsync();
        }
    }

    private async Task RunAsync(Func<RegistryUser, Task> action)
    {
        _message = null;
        try
        {
            await action(await CurrentUser.GetAsync());
        }
        catch (Exception exception) when (exception is DomainRuleException or ConcurrencyConflictException or ForbiddenException)
        {
            _message = exception.Message;
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
