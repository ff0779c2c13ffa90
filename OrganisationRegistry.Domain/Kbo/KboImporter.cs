using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// Reads a KBO Open Data extract (a .zip or a folder) into the register's copy of the KBO (<see cref="KboMirrorTables"/>),
/// streamed, in one transaction: a full extract replaces the copy, an update applies its <c>*_delete.csv</c> files and
/// then its <c>*_insert.csv</c> files (an insert replaces a row with the same key, so applying the same update twice
/// gives the same copy). Malformed rows are reported and skipped; an extract that cannot be read at all (no or an
/// invalid <c>meta.csv</c>, a missing file, an update that is older than the last one or has no full extract to apply
/// to) stops before anything is written. The import itself is recorded as a <see cref="KboImport"/> through a tracked
/// save, so it is audited (channel <see cref="AuditChannel.Import"/>); a failure leaves the previous copy intact.
/// Only central administrators (<see cref="RegistryRight.CoupleKbo"/>) and the system itself (the command line) may import.
/// </summary>
public sealed class KboImporter(IDbContextFactory<RegistryDbContext> contexts, TimeProvider time)
{
    /// <summary>Skipped rows kept in the result and, as far as they fit, in <see cref="KboImport.Report"/>.</summary>
    public const int ReportedRows = 200;

    /// <summary>Rows between two progress reports.</summary>
    public const int ProgressEvery = 50_000;

    private static readonly string[] Tables = [KboFiles.Enterprise, KboFiles.Denomination, KboFiles.Address];

    /// <summary>Central administrators (the right to couple the KBO) and the system itself may import; others get a <see cref="ForbiddenException"/>.</summary>
    public static void EnsureMayImport(RegistryUser user)
    {
        if (user.Kind != RegistryUserKind.System)
        {
            RegistryAuthorization.EnsureMayCoupleKbo(user);
        }
    }

    public async Task<KboImportResult> ImportAsync(RegistryUser user, string path, IProgress<KboImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        EnsureMayImport(user);

        var startedAt = time.GetUtcNow();
        using var source = KboExtractSource.Open(path);
        progress?.Report(new KboImportProgress(KboImportPhase.Checking, KboMetaReader.File, 0, 0, 0));
        var meta = KboMetaReader.Read(source);
        var files = meta.IsFull
            ? [KboFiles.Enterprise, KboFiles.Denomination, KboFiles.Address, KboFiles.Code]
            : Tables.SelectMany(t => new[] { KboFiles.DeleteFile(t), KboFiles.InsertFile(t) }).ToList();
        foreach (var file in files.Where(f => !source.Contains(f)))
        {
            throw KboExtractSource.Missing(file);
        }

        if (!meta.IsFull && source.Contains(KboFiles.Code))
        {
            files.Add(KboFiles.Code);
        }

        var run = new Run(source, progress, files.Sum(source.Length));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit = AuditContext.For(
            user,
            string.Create(CultureInfo.InvariantCulture, $"KBO-extract {source.Name} ({meta.ExtractType} nr. {meta.ExtractNumber}, toestand {meta.SnapshotDate:dd/MM/yyyy})"),
            AuditChannel.Import);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // A large page cache keeps the indexes being filled in memory (the default is 2 MB).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db is PostgreSqlRegistryDbContext)
        {
            // One import at a time across processes (the page and the command line); the check below reads what the last one committed.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('kbo-import', 0))", cancellationToken);
        }

        await RefuseOutOfOrderAsync(db, meta, cancellationToken);

        await using (var writer = new KboMirrorWriter(db))
        {
            if (meta.IsFull)
            {
                await run.StepAsync("leegmaken", () => writer.EmptyAsync(cancellationToken));
                run.Counts.Enterprises = await run.LoadAsync(writer, KboFiles.Enterprise, KboFiles.EnterpriseColumns, replace: false, KboFiles.ReadEnterprise, cancellationToken);
                run.Counts.Denominations = await run.LoadAsync(writer, KboFiles.Denomination, KboFiles.DenominationColumns, replace: false, KboFiles.ReadDenomination, cancellationToken);
                run.Counts.Addresses = await run.LoadAsync(writer, KboFiles.Address, KboFiles.AddressColumns, replace: false, KboFiles.ReadAddress, cancellationToken);
                run.Counts.Codes = await run.LoadCodesAsync(writer, replace: false, cancellationToken);
            }
            else
            {
                foreach (var table in Tables)
                {
                    run.Counts.Deleted += await run.DeleteAsync(writer, table, cancellationToken);
                }

                run.Counts.Enterprises = await run.LoadAsync(writer, KboFiles.InsertFile(KboFiles.Enterprise), KboFiles.EnterpriseColumns, replace: true, KboFiles.ReadEnterprise, cancellationToken);
                run.Counts.Denominations = await run.LoadAsync(writer, KboFiles.InsertFile(KboFiles.Denomination), KboFiles.DenominationColumns, replace: true, KboFiles.ReadDenomination, cancellationToken);
                run.Counts.Addresses = await run.LoadAsync(writer, KboFiles.InsertFile(KboFiles.Address), KboFiles.AddressColumns, replace: true, KboFiles.ReadAddress, cancellationToken);
                if (source.Contains(KboFiles.Code))
                {
                    // Every extract carries all codes: they replace the ones there are.
                    await writer.EmptyCodesAsync(cancellationToken);
                    run.Counts.Codes = await run.LoadCodesAsync(writer, replace: false, cancellationToken);
                }
            }

            await run.StepAsync("juridische gegevens", () => writer.ResolveLegalDataAsync(cancellationToken));
        }

        run.Report(KboImportPhase.Committing, file: null, rows: 0);
        var import = run.Counts;
        import.Id = Guid.CreateVersion7();
        import.ExtractType = meta.ExtractType;
        import.ExtractNumber = meta.ExtractNumber;
        import.SnapshotDate = meta.SnapshotDate;
        import.ExtractTimestamp = meta.ExtractTimestamp;
        import.Source = source.Name.Length > KboImport.SourceMaxLength ? source.Name[..KboImport.SourceMaxLength] : source.Name;
        import.StartedAt = startedAt;
        import.SkippedRows = run.SkippedCount;
        import.Report = run.ReportText();
        import.FinishedAt = time.GetUtcNow();
        db.KboImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.Report(KboImportPhase.Done, file: null, rows: 0);
        return new KboImportResult(import, run.Skipped, run.Steps);
    }

    /// <summary>An update needs a full extract before it and may not be older than the last extract applied.</summary>
    private static async Task RefuseOutOfOrderAsync(RegistryDbContext db, KboExtractMeta meta, CancellationToken cancellationToken)
    {
        if (meta.IsFull)
        {
            return;
        }

        if (!await db.KboImports.AnyAsync(i => i.ExtractType == KboImport.Full, cancellationToken))
        {
            throw new KboExtractException(
                "Dit is een update-extract, maar er is nog nooit een volledig extract ingelezen: lees eerst een volledig extract (full) in. Er is niets gewijzigd.");
        }

        var last = (await KboImportHistory.NewestFirstAsync(db, cancellationToken))[0];
        var number = await db.KboImports.Where(i => i.Id == last).Select(i => i.ExtractNumber).SingleAsync(cancellationToken);
        if (number is not null && meta.ExtractNumber < number.Value)
        {
            throw new KboExtractException(string.Create(
                CultureInfo.InvariantCulture,
                $"Dit update-extract heeft nummer {meta.ExtractNumber}, ouder dan het laatst ingelezen extract (nummer {number.Value}): het zou nieuwere gegevens overschrijven. Er is niets gewijzigd."));
        }
    }

    private delegate T? RowReader<T>(string[] fields, out long key, out string? reason);

    /// <summary>The state of one import: counts, skipped rows, progress, time per step.</summary>
    private sealed class Run(KboExtractSource source, IProgress<KboImportProgress>? progress, long totalBytes)
    {
        private readonly List<KboSkippedRow> _skipped = [];
        private readonly List<(string Step, TimeSpan Elapsed, long Rows)> _steps = [];
        private long _bytesBefore;

        public KboImport Counts { get; } = new();

        public int SkippedCount { get; private set; }

        public IReadOnlyList<KboSkippedRow> Skipped => _skipped;

        public IReadOnlyList<(string Step, TimeSpan Elapsed, long Rows)> Steps => _steps;

        public void Report(KboImportPhase phase, string? file, long rows, long bytesInFile = 0) =>
            progress?.Report(new KboImportProgress(phase, file, rows, _bytesBefore + bytesInFile, totalBytes));

        public async Task StepAsync(string name, Func<Task> work)
        {
            Report(KboImportPhase.Deleting, file: null, rows: 0);
            var stopwatch = Stopwatch.StartNew();
            await work();
            _steps.Add((name, stopwatch.Elapsed, 0));
        }

        public async Task<int> LoadAsync<T>(KboMirrorWriter writer, string file, string[] columns, bool replace, RowReader<T> read, CancellationToken cancellationToken)
            where T : class
        {
            var stopwatch = Stopwatch.StartNew();
            var keys = new HashSet<long>();
            var kept = 0;
            using (var csv = new KboCsvFile(source, file, columns))
            {
                await using var sink = writer.Open<T>(replace);
                foreach (var fields in WellFormedRows(csv, KboImportPhase.Loading, cancellationToken))
                {
                    var row = read(fields, out var key, out var reason);
                    if (row is null)
                    {
                        if (reason is not null)
                        {
                            Skip(csv, reason);
                        }

                        continue;
                    }

                    if (!keys.Add(key))
                    {
                        Skip(csv, $"dubbele rij: {Describe(row)} komt al eerder in dit bestand voor");
                        continue;
                    }

                    await sink.AddAsync(row, cancellationToken);
                    kept++;
                }

                await sink.CompleteAsync(cancellationToken);
                Finish(csv, stopwatch);
            }

            return kept;
        }

        public async Task<int> LoadCodesAsync(KboMirrorWriter writer, bool replace, CancellationToken cancellationToken)
        {
            // Few rows (some thousands): a set of text keys is fine.
            var keys = new Dictionary<string, long>(StringComparer.Ordinal);
            return await LoadAsync<KboCode>(
                writer,
                KboFiles.Code,
                KboFiles.CodeColumns,
                replace,
                (string[] f, out long key, out string? reason) =>
                {
                    var code = KboFiles.ReadCode(f, out var text, out reason);
                    key = code is null ? 0 : keys.TryGetValue(text!, out var id) ? id : keys[text!] = keys.Count + 1;
                    return code;
                },
                cancellationToken);
        }

        public async Task<int> DeleteAsync(KboMirrorWriter writer, string table, CancellationToken cancellationToken)
        {
            var file = KboFiles.DeleteFile(table);
            var stopwatch = Stopwatch.StartNew();
            var column = table == KboFiles.Enterprise ? "EnterpriseNumber" : "EntityNumber";
            var numbers = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using (var csv = new KboCsvFile(source, file, [column]))
            {
                foreach (var fields in WellFormedRows(csv, KboImportPhase.Deleting, cancellationToken))
                {
                    if (KboFiles.ReadDeleteKey(fields, out var reason) is { } number)
                    {
                        // The same number twice deletes once: not worth a report.
                        if (seen.Add(number))
                        {
                            numbers.Add(number);
                        }
                    }
                    else if (reason is not null)
                    {
                        Skip(csv, reason);
                    }
                }

                await writer.DeleteAsync(table, numbers, cancellationToken);
                Finish(csv, stopwatch);
            }

            return numbers.Count;
        }

        public string? ReportText()
        {
            if (SkippedCount == 0)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var line in _skipped.Select(s => s.ToString()))
            {
                if (text.Length + line.Length + 1 > KboImport.ReportMaxLength - 100)
                {
                    break;
                }

                text.AppendLine(line);
            }

            var shown = text.ToString().Count(c => c == '\n');
            if (shown < SkippedCount)
            {
                text.Append(CultureInfo.InvariantCulture, $"... en nog {SkippedCount - shown} overgeslagen rijen.");
            }

            return text.ToString().TrimEnd();
        }

        /// <summary>The rows of <paramref name="csv"/> that have the file's columns; the others are reported and skipped. Reports progress.</summary>
        private IEnumerable<string[]> WellFormedRows(KboCsvFile csv, KboImportPhase phase, CancellationToken cancellationToken)
        {
            Report(phase, csv.Name, 0);
            while (csv.Read())
            {
                if (csv.Rows % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Report(phase, csv.Name, csv.Rows, csv.BytesRead);
                }

                if (csv.Malformed is { } malformed)
                {
                    Skip(csv, malformed);
                    continue;
                }

                yield return csv.Fields;
            }
        }

        private void Finish(KboCsvFile csv, Stopwatch stopwatch)
        {
            _bytesBefore += csv.BytesRead;
            Report(KboImportPhase.Loading, csv.Name, csv.Rows);
            _steps.Add((csv.Name, stopwatch.Elapsed, csv.Rows));
        }

        private void Skip(KboCsvFile csv, string reason)
        {
            SkippedCount++;
            if (_skipped.Count < ReportedRows)
            {
                _skipped.Add(new KboSkippedRow(csv.Name, csv.Line, reason));
            }
        }

        private static string Describe(object row) => row switch
        {
            KboEnterprise e => $"onderneming {e.Number}",
            KboDenomination d => $"benaming {d.EntityNumber} type {d.Type} taal {d.Language}",
            KboAddress a => $"maatschappelijke zetel van {a.EntityNumber}",
            KboCode c => $"code {c.Category} {c.Code} {c.Language}",
            _ => "de rij",
        };
    }
}
