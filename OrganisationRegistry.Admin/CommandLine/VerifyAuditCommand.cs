using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// <c>verify-audit [--head POSITION:HASH]</c>: checks the whole audit trail (positions without gaps, every hash over
/// the previous one and the entry's content, as long as the counter says), streaming, in constant memory. Exit code 0
/// when intact, 1 naming the first entry that breaks the chain, 2 for wrong options.
/// </summary>
public sealed class VerifyAuditCommand(TextWriter output, TextWriter error, AuditAnchor? anchor = null) : IRegistryCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project OrganisationRegistry.Admin -- verify-audit [--head POSITION:HASH]
          --head POSITION:HASH   a head printed by an earlier run and kept outside the database: the trail must
                                 still hold that entry with that hash (catches a rewrite of the whole tail)
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public AuditAnchor? Anchor { get; } = anchor;

    /// <summary>Reads the options after <c>verify-audit</c>.</summary>
    public static IRegistryCommand Parse(IReadOnlyList<string> args)
    {
        AuditAnchor? anchor = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new Help(Console.Out, error: null);
            }

            var value = arg.StartsWith("--head=", StringComparison.Ordinal) ? arg["--head=".Length..]
                : arg == "--head" && i + 1 < args.Count ? args[++i]
                : null;
            var parts = value?.Split(':', 2);
            if (parts is not [var position, var hash] || !long.TryParse(position, NumberStyles.None, Invariant, out var number) || hash.Length != 64)
            {
                return new Help(Console.Error, value is null ? $"Unknown option '{arg}'." : $"--head wants POSITION:HASH (64 hex digits), not '{value}'.");
            }

            anchor = new AuditAnchor(number, hash);
        }

        return new VerifyAuditCommand(Console.Out, Console.Error, anchor);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        output.WriteLine($"Checking the audit trail of the {database.Provider} database...");
        var stopwatch = Stopwatch.StartNew();
        await using var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(cancellationToken);
        var progress = new ConsoleProgress(output, stopwatch);
        var result = await AuditChainVerifier.VerifyAsync(db, Anchor, progress, cancellationToken);

        if (result.Break is { } broken)
        {
            error.WriteLine(string.Create(Invariant, $"BROKEN at entry {broken.Position}: {broken.Problem}"));
            error.WriteLine(string.Create(Invariant, $"The {result.Entries:N0} entries before it are intact."));
            return 1;
        }

        output.WriteLine(string.Create(Invariant, $"Intact: {result.Entries:N0} entries checked in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        if (result.LastHash is not null)
        {
            output.WriteLine(string.Create(Invariant, $"Head: {result.LastPosition}:{result.LastHash}"));
            output.WriteLine("Keep the head outside the database; 'verify-audit --head <head>' later proves nothing before it was rewritten.");
        }

        return 0;
    }

    /// <summary>Writes each report at once, in order.</summary>
    private sealed class ConsoleProgress(TextWriter output, Stopwatch stopwatch) : IProgress<long>
    {
        public void Report(long value)
        {
            if (value > 0 && value % 100_000 == 0)
            {
                output.WriteLine(string.Create(Invariant, $"  {value,12:N0} entries, {stopwatch.Elapsed.TotalSeconds,6:0.0} s"));
            }
        }
    }

    /// <summary>The usage: as help (exit 0) or after an error (exit 2).</summary>
    private sealed class Help(TextWriter writer, string? error) : IRegistryCommand
    {
        public Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            if (error is not null)
            {
                writer.WriteLine(error);
            }

            writer.WriteLine(Usage);
            return Task.FromResult(error is null ? 0 : 2);
        }
    }
}
