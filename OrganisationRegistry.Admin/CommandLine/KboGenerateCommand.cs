using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// <c>kbo-generate &lt;path&gt; [--enterprises N] [--update-of FULL] [--seed S] [--zip] [--from-register] [--malformed]</c>:
/// writes a KBO Open Data extract in the real format (for tests, demos and benchmarks), deterministic for a seed.
/// </summary>
public sealed class KboGenerateCommand(string path, KboGeneratorOptions options, string? updateOf, bool fromRegister, TextWriter output) : IRegistryCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project OrganisationRegistry.Admin -- kbo-generate <path> [options]
          <path>              the folder (or with --zip the .zip) to write
          --enterprises N     enterprises of a full extract (default 10000)
          --update-of FULL    write an update extract relative to the full extract FULL (a folder or .zip)
          --seed S            the same seed gives the same extract (default 20181207)
          --zip               write a .zip, as the KBO publishes them
          --from-register     include the KBO numbers of the organisations in the configured database
                              (an update then changes some of them, to demo the synchronisation)
          --malformed         add malformed rows of every kind (reported and skipped by kbo-import)
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public KboGeneratorOptions Options { get; } = options;

    public string? UpdateOf { get; } = updateOf;

    public bool FromRegister { get; } = fromRegister;

    public static IRegistryCommand Parse(IReadOnlyList<string> args)
    {
        string? path = null;
        string? updateOf = null;
        var fromRegister = false;
        var options = new KboGeneratorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return new UsageCommand(Usage, error: null);
                case "--enterprises" when Value() is { } text && int.TryParse(text, NumberStyles.None, Invariant, out var count) && count is > 0 and <= 10_000_000:
                    options = options with { Enterprises = count };
                    break;
                case "--seed" when Value() is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--update-of" when Value() is { } full:
                    updateOf = full;
                    break;
                case "--zip":
                    options = options with { Zip = true };
                    break;
                case "--malformed":
                    options = options with { Malformed = true };
                    break;
                case "--from-register":
                    fromRegister = true;
                    break;
                default:
                    if (arg.StartsWith('-') || path is not null)
                    {
                        return new UsageCommand(Usage, $"Unknown or incomplete option '{arg}'.");
                    }

                    path = arg;
                    break;
            }
        }

        return path is null
            ? new UsageCommand(Usage, "kbo-generate needs the path to write.")
            : new KboGenerateCommand(path, options, updateOf, fromRegister, Console.Out);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = Options;
        if (FromRegister)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(cancellationToken);
            var numbers = await db.Organisations.AsNoTracking().Where(o => o.KboNumber != null).Select(o => o.KboNumber).ToListAsync(cancellationToken);
            options = options with { IncludeNumbers = [.. numbers.Select(n => n!.Value.Digits).Distinct()] };
            output.WriteLine(string.Create(Invariant, $"Including the {options.IncludeNumbers.Count:N0} KBO numbers of the register's organisations."));
        }

        var extract = UpdateOf is null
            ? KboExtractGenerator.GenerateFull(path, options)
            : KboExtractGenerator.GenerateUpdate(path, UpdateOf, options);
        output.WriteLine(string.Create(
            Invariant,
            $"Wrote a {extract.Meta.ExtractType} extract nr. {extract.Meta.ExtractNumber} of {extract.Meta.SnapshotDate:dd/MM/yyyy} to {extract.Path}:"));
        output.WriteLine(string.Create(
            Invariant,
            $"  enterprises {extract.Enterprises:N0}, names {extract.Denominations:N0}, registered seats {extract.Addresses:N0}, establishments {extract.Establishments:N0}, deletes {extract.Deleted:N0}, malformed rows {extract.Malformed.Count}"));
        return 0;
    }
}
