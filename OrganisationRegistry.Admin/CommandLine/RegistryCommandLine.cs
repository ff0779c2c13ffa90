using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>A command of the app's own command line, run with the app's configuration and services.</summary>
public interface IRegistryCommand
{
    Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Reads <c>dotnet run -- &lt;command&gt; [options]</c>.</summary>
public static class RegistryCommandLine
{
    /// <summary>The command that <paramref name="args"/> names, or <c>null</c> when they start the web app.</summary>
    public static IRegistryCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return null;
        }

        return args[0] switch
        {
            "migrate" => new MigrateCommand(),
            "seed" => SeedCommand.Parse(args[1..]),
            "verify-audit" => VerifyAuditCommand.Parse(args[1..]),
            "dev-token" => DevTokenCommand.Parse(args[1..]),
            "kbo-import" => KboImportCommand.Parse(args[1..]),
            "kbo-generate" => KboGenerateCommand.Parse(args[1..]),
            _ => new UnknownCommand(args[0]),
        };
    }

    private sealed class UnknownCommand(string name) : IRegistryCommand
    {
        public Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Console.Error.WriteLine($"Unknown command '{name}'. Commands: migrate, seed, verify-audit, dev-token, kbo-import, kbo-generate.");
            return Task.FromResult(2);
        }
    }
}

/// <summary><c>migrate</c>: applies the configured provider's migrations.</summary>
public sealed class MigrateCommand : IRegistryCommand
{
    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        Console.WriteLine($"Migrating the {database.Provider} database...");
        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<IDbContextFactory<RegistryDbContext>>(), cancellationToken);
        Console.WriteLine("Done: the database has every migration.");
        return 0;
    }
}
