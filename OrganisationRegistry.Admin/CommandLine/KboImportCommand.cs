using System.Diagnostics;
using System.Globalization;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// <c>kbo-import &lt;path&gt;</c>: reads a KBO Open Data extract (a .zip or a folder, full or update) into the register's
/// copy of the KBO, as the system (audited, channel import), printing progress and a summary. Exit code 0 when
/// imported, 1 when the extract was refused (nothing written), 2 for wrong options.
/// </summary>
public sealed class KboImportCommand(string path, TextWriter output, TextWriter error) : IRegistryCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project OrganisationRegistry.Admin -- kbo-import <path>
          <path>   a KBO Open Data extract: the .zip as downloaded, or a folder with its CSV files (full or update)
        A full extract replaces the register's KBO copy; an update applies its deletes, then its inserts.
        Malformed rows are reported and skipped; an extract that cannot be read changes nothing.
        """;

    /// <summary>Reasons of skipped rows printed in the summary.</summary>
    public const int PrintedReasons = 20;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Path { get; } = path;

    public static IRegistryCommand Parse(IReadOnlyList<string> args) => args switch
    {
        [var help] when help is "--help" or "-h" or "-?" => new UsageCommand(Usage, error: null),
        [var path] when !path.StartsWith('-') => new KboImportCommand(path, Console.Out, Console.Error),
        [] => new UsageCommand(Usage, "kbo-import needs the path of an extract."),
        _ => new UsageCommand(Usage, $"Unknown or extra arguments: {string.Join(' ', args)}."),
    };

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        output.WriteLine($"Importing the KBO extract {Path} into the {database.Provider} database...");
        var stopwatch = Stopwatch.StartNew();
        KboImportResult result;
        try
        {
            result = await services.GetRequiredService<KboImporter>().ImportAsync(RegistryUser.System, Path, new ConsoleProgress(output, stopwatch), cancellationToken);
        }
        catch (KboExtractException exception)
        {
            error.WriteLine($"Import refused: {exception.Message}");
            return 1;
        }

        var import = result.Import;
        output.WriteLine(string.Create(
            Invariant,
            $"Done in {stopwatch.Elapsed.TotalSeconds:0.0} s: {import.ExtractType} extract nr. {import.ExtractNumber} of {import.SnapshotDate:dd/MM/yyyy} ({import.Source})."));
        output.WriteLine(string.Create(
            Invariant,
            $"  enterprises {import.Enterprises:N0}, names {import.Denominations:N0}, registered seats {import.Addresses:N0}, codes {import.Codes:N0}, deleted {import.Deleted:N0}"));
        foreach (var (step, elapsed, rows) in result.Steps)
        {
            output.WriteLine(string.Create(Invariant, $"  {step,-26} {rows,12:N0} rows {elapsed.TotalSeconds,8:0.0} s"));
        }

        output.WriteLine(string.Create(Invariant, $"  skipped rows: {import.SkippedRows:N0}"));
        foreach (var skipped in result.Skipped.Take(PrintedReasons))
        {
            output.WriteLine($"    {skipped}");
        }

        if (import.SkippedRows > PrintedReasons)
        {
            output.WriteLine(string.Create(Invariant, $"    ... and {import.SkippedRows - PrintedReasons:N0} more (the first {KboImporter.ReportedRows} are on the KBO page)."));
        }

        return 0;
    }

    /// <summary>Writes each report at once, in order.</summary>
    private sealed class ConsoleProgress(TextWriter output, Stopwatch stopwatch) : IProgress<KboImportProgress>
    {
        public void Report(KboImportProgress value)
        {
            if (value.Phase == KboImportPhase.Loading && value.RowsRead > 0 || value.Phase is KboImportPhase.Committing)
            {
                output.WriteLine(string.Create(
                    Invariant,
                    $"  {value.Phase,-10} {value.File,-26} {value.RowsRead,12:N0} rows {value.Fraction,5:P0} {stopwatch.Elapsed.TotalSeconds,8:0.0} s"));
            }
        }
    }
}
