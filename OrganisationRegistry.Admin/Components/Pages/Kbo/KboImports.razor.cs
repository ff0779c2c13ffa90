using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Admin.Kbo;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Pages.Kbo;

/// <summary>
/// The register's KBO copy for central staff: its state, the history of imports, and an upload of an extract that the
/// <see cref="KboImportRunner"/> imports in the background while this page shows its progress. The page's policy keeps
/// everyone else out; the runner and the importer check the right again.
/// </summary>
public partial class KboImports : IDisposable
{
    /// <summary>The configuration key of the largest upload, in bytes.</summary>
    public const string MaxUploadBytesKey = "Kbo:MaxUploadBytes";

    /// <summary>1 GiB: a full extract is about 300 MB zipped.</summary>
    public const long DefaultMaxUploadBytes = 1L << 30;

    private const int PageSize = 10;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    private bool _loaded;
    private KboImportItem? _latest;
    private KboMirrorCounts? _counts;
    private IReadOnlyList<KboImportItem> _history = [];
    private int _total;
    private int _page;
    private KboImportRunState? _run;
    private bool _uploading;
    private string? _uploadName;
    private string? _message;

    [Inject]
    private KboImportRunner Runner { get; set; } = null!;

    [Inject]
    private KboImportHistory History { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IConfiguration Configuration { get; set; } = null!;

    private long MaxUploadBytes => Configuration.GetValue(MaxUploadBytesKey, DefaultMaxUploadBytes);

    private string MaxUploadText => MaxUploadBytes >= 1L << 30
        ? string.Create(Dutch, $"{MaxUploadBytes / (double)(1L << 30):0.#} GiB")
        : string.Create(Dutch, $"{MaxUploadBytes / (double)(1L << 20):0.#} MiB");

    public void Dispose()
    {
        Runner.Changed -= OnRunChanged;
        GC.SuppressFinalize(this);
    }

    protected override async Task OnInitializedAsync()
    {
        Runner.Changed += OnRunChanged;
        _run = Runner.Current;
        await LoadAsync();
        _loaded = true;
    }

    private async Task LoadAsync()
    {
        (_history, _total) = await History.PageAsync(_page, PageSize);
        _latest = _page == 0 ? _history.FirstOrDefault() : await History.LatestAsync();
        _counts = await History.CountsAsync();
    }

    private async Task GoToPageAsync(int page)
    {
        _page = page - 1;
        await LoadAsync();
    }

    /// <summary>Streams the chosen file to a temporary file (never whole into memory), then hands it to the runner.</summary>
    private async Task UploadAsync(IBrowserFile? file)
    {
        _message = null;
        if (file is null)
        {
            return;
        }

        if (!file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            _message = $"{file.Name} is geen zip-bestand. Kies het extract zoals de KBO het aanbiedt (.zip).";
            return;
        }

        if (file.Size > MaxUploadBytes)
        {
            _message = $"{file.Name} is te groot ({string.Create(Dutch, $"{file.Size / (double)(1L << 20):N0}")} MiB); hoogstens {MaxUploadText} is toegelaten.";
            return;
        }

        if (Runner.IsRunning)
        {
            _message = "Er loopt al een KBO-import. Wacht tot die klaar is en probeer het dan opnieuw.";
            return;
        }

        var user = await CurrentUser.GetAsync();
        var path = Runner.NewUploadPath(file.Name);
        _uploading = true;
        _uploadName = file.Name;
        StateHasChanged();
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            await using (var source = file.OpenReadStream(MaxUploadBytes))
            {
                await source.CopyToAsync(target);
            }

            _run = Runner.Start(user, path);
        }
        catch (Exception exception) when (exception is KboImportBusyException or ForbiddenException or IOException)
        {
            _message = exception is IOException ? $"{file.Name} kon niet opgeladen worden: {exception.Message}" : exception.Message;
            if (File.Exists(path))
            {
                // Not started: the runner did not take the file.
                File.Delete(path);
            }
        }
        finally
        {
            _uploading = false;
        }
    }

    private void OnRunChanged(KboImportRunState state) => _ = InvokeAsync(async () =>
    {
        var finished = state.Finished && _run is { Finished: false };
        _run = state;
        if (finished)
        {
            _page = 0;
            await LoadAsync();
        }

        StateHasChanged();
    });

    private static string RunningText(KboImportRunState run) => run.Progress is not { } progress
        ? $"{run.FileName} wordt ingelezen (gestart door {run.StartedBy})..."
        : string.Create(Dutch, $"{run.FileName}: {PhaseText(progress.Phase)}{(progress.File is null ? string.Empty : $" {progress.File}")}, {progress.RowsRead:N0} rijen, {progress.Fraction:P0} van de bestanden gelezen.");

    private static string PhaseText(KboImportPhase phase) => phase switch
    {
        KboImportPhase.Checking => "controleren",
        KboImportPhase.Deleting => "verwijderen",
        KboImportPhase.Loading => "inlezen",
        KboImportPhase.Committing => "vastleggen",
        KboImportPhase.Done => "klaar",
        _ => phase.ToString(),
    };

    private static string TypeText(string extractType) => extractType == KboImport.Full ? "Volledig extract" : "Update-extract";

    private static string Count(int value) => value.ToString("N0", Dutch);

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", Dutch) ?? "onbekend";

    private static string Moment(DateTimeOffset moment) => moment.ToLocalTime().ToString("dd/MM/yyyy HH:mm", Dutch);

    private static string Seconds(TimeSpan elapsed) => string.Create(Dutch, $"{elapsed.TotalSeconds:0.0} s");
}
