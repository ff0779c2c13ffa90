using System.Collections.Concurrent;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Kbo;

/// <summary>An import started from the KBO page: who started which file, how far it is, and how it ended.</summary>
public sealed record KboImportRunState(Guid RunId, string FileName, string StartedBy, DateTimeOffset StartedAt)
{
    public KboImportProgress? Progress { get; init; }

    public KboImportResult? Result { get; init; }

    /// <summary>Why the import stopped without writing anything (Dutch).</summary>
    public string? Error { get; init; }

    public bool Finished => Result is not null || Error is not null;
}

/// <summary>A second import while one runs is refused with this (Dutch) message.</summary>
public sealed class KboImportBusyException(string message) : Exception(message);

/// <summary>
/// Runs the imports started from the KBO page in the background, one at a time for the whole app: the run goes on when
/// the person leaves the page (or closes the browser), pages watch its progress through <see cref="Changed"/>, and the
/// uploaded file is deleted when the run ends, however it ends. The importer checks the person's right again and
/// records the import in the audit trail as theirs.
/// </summary>
public sealed class KboImportRunner(KboImporter importer, TimeProvider time, ILogger<KboImportRunner> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, bool> _uploadFolders = new(StringComparer.Ordinal);

    /// <summary>The running import, or the last one that ended (until the app restarts).</summary>
    public KboImportRunState? Current { get; private set; }

    /// <summary>The task of the current run (for tests and for an orderly shutdown).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public bool IsRunning => Current is { Finished: false };

    /// <summary>Raised on the thread pool when the current run starts, progresses or ends.</summary>
    public event Action<KboImportRunState>? Changed;

    /// <summary>Where to store an upload named <paramref name="fileName"/>: a new temporary folder, owned by this runner, with the file's own name (its directories left out).</summary>
    public string NewUploadPath(string fileName)
    {
        var folder = Directory.CreateTempSubdirectory("kbo-upload-").FullName;
        _uploadFolders[folder] = true;
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return Path.Combine(folder, string.IsNullOrWhiteSpace(name) ? "kbo-extract.zip" : name);
    }

    /// <summary>
    /// Starts importing <paramref name="path"/> as <paramref name="user"/>; refused when the user may not import
    /// (<see cref="ForbiddenException"/>) or another import runs (<see cref="KboImportBusyException"/>). An upload stored
    /// at <see cref="NewUploadPath"/> is deleted when the run ends.
    /// </summary>
    public KboImportRunState Start(RegistryUser user, string path)
    {
        try
        {
            KboImporter.EnsureMayImport(user);
            lock (_gate)
            {
                if (Current is { Finished: false } running)
                {
                    throw new KboImportBusyException(
                        $"Er loopt al een KBO-import ({running.FileName}, gestart door {running.StartedBy} om {running.StartedAt.ToLocalTime():HH:mm}). Wacht tot die klaar is en probeer het dan opnieuw.");
                }

                var state = new KboImportRunState(Guid.NewGuid(), Path.GetFileName(path), user.DisplayName, time.GetUtcNow());
                Current = state;
                Completion = Task.Run(() => RunAsync(user, path, state.RunId));
                Changed?.Invoke(state);
                return state;
            }
        }
        catch
        {
            DeleteUpload(path);
            throw;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(RegistryUser user, string path, Guid runId)
    {
        try
        {
            var result = await importer.ImportAsync(user, path, new RunProgress(this, runId), _stopping.Token);
            Update(runId, s => s with { Result = result });
        }
        catch (KboExtractException exception)
        {
            Update(runId, s => s with { Error = exception.Message });
        }
        catch (OperationCanceledException)
        {
            Update(runId, s => s with { Error = "De import is afgebroken omdat de toepassing stopte. Er is niets gewijzigd." });
        }
        catch (Exception exception)
        {
            // Whatever else went wrong (the database, a full disk): the transaction rolled back; the person sees that, the log the details.
            logger.LogError(exception, "The KBO import of {File} failed.", Path.GetFileName(path));
            Update(runId, s => s with { Error = "De import is mislukt door een onverwachte fout; de vorige KBO-gegevens blijven behouden. De details staan in het logboek van de toepassing." });
        }
        finally
        {
            DeleteUpload(path);
        }
    }

    private void Update(Guid runId, Func<KboImportRunState, KboImportRunState> change)
    {
        KboImportRunState state;
        lock (_gate)
        {
            if (Current is null || Current.RunId != runId)
            {
                return;
            }

            state = change(Current);
            Current = state;
        }

        Changed?.Invoke(state);
    }

    private void DeleteUpload(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && _uploadFolders.TryRemove(folder, out _))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException exception)
            {
                logger.LogWarning(exception, "The uploaded KBO extract in {Folder} could not be deleted.", folder);
            }
        }
    }

    private sealed class RunProgress(KboImportRunner runner, Guid runId) : IProgress<KboImportProgress>
    {
        public void Report(KboImportProgress value) => runner.Update(runId, s => s with { Progress = value });
    }
}
