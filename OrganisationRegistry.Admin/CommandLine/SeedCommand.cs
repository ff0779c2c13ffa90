using OrganisationRegistry.Domain.Auditing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// <c>seed [--organisations N] [--random-seed S] [--reset]</c>: applies the migrations, adds or updates the reference
/// data and generates N organisations, showing progress per batch.
/// </summary>
public sealed class SeedCommand(SeedOptions options) : IRegistryCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project OrganisationRegistry.Admin -- seed [--organisations N] [--random-seed S] [--reset]
          --organisations N   organisations to generate besides the reference data (default 1000)
          --random-seed S     the same seed gives the same organisations (default 20181207)
          --reset             empty the database first; the schema stays and OVO codes start at 1 again
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public SeedOptions Options { get; } = options;

    /// <summary>Reads the options after <c>seed</c>: a <see cref="SeedCommand"/>, or a command that prints the usage.</summary>
    public static IRegistryCommand Parse(IReadOnlyList<string> args)
    {
        var options = new SeedOptions { Channel = AuditChannel.Cli };
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new UsageCommand(Usage, error: null);
                case "--reset" when inlineValue is null:
                    options = options with { Reset = true };
                    break;
                case "--organisations" or "--random-seed":
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                    if (value is null)
                    {
                        return new UsageCommand(Usage, $"Option {name} needs a value.");
                    }

                    if (name == "--organisations")
                    {
                        if (!int.TryParse(value, NumberStyles.None, Invariant, out var count) || count > OvoCode.MaxNumber)
                        {
                            return new UsageCommand(Usage, $"--organisations wants a whole number from 0 to {OvoCode.MaxNumber}, not '{value}'.");
                        }

                        options = options with { Organisations = count };
                    }
                    else
                    {
                        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, Invariant, out var seed))
                        {
                            return new UsageCommand(Usage, $"--random-seed wants a whole number, not '{value}'.");
                        }

                        options = options with { RandomSeed = seed };
                    }

                    break;
                default:
                    return new UsageCommand(Usage, $"Unknown option '{args[i]}'.");
            }
        }

        return new SeedCommand(options);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        var contexts = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        Console.WriteLine(string.Create(
            Invariant,
            $"Seeding the {database.Provider} database: reference data and {Options.Organisations:N0} organisations (random seed {Options.RandomSeed}{(Options.Reset ? ", reset first" : string.Empty)})."));
        await DatabaseMigrator.MigrateAsync(contexts, cancellationToken);

        SeedResult result;
        try
        {
            result = await services.GetRequiredService<RegistrySeeder>().SeedAsync(Options, new ConsoleProgress(), cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            // E.g. no OVO codes left for this many organisations; batches committed before stay.
            Console.Error.WriteLine($"Seeding stopped: {exception.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(
            Invariant,
            $"Done in {result.Elapsed.TotalSeconds:0.0} s: reference data {result.ReferenceData.Added:N0} added, {result.ReferenceData.Updated:N0} updated; {result.Organisations:N0} organisations generated."));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var (table, rows) in await TableCounts.CountAsync(db, cancellationToken))
        {
            Console.WriteLine(string.Create(Invariant, $"  {table,-22} {rows,12:N0}"));
        }

        return 0;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    /// <summary>Writes each report at once, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) =>
            Console.WriteLine(string.Create(
                Invariant,
                $"  {value.Organisations,9:N0} / {value.Total:N0} organisations, {value.Elapsed.TotalSeconds,6:0.0} s, {value.PerSecond,8:N0} organisations/s"));
    }
}
