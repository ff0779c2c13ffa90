using System.Globalization;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.ApiClients;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// <c>dev-token --client ID [--scope SCOPE ...] [--hours N]</c>: prints a development token for a registered API client
/// (by default with all the scopes it is allowed). Only in Development and Testing, with development tokens enabled;
/// exit code 2 otherwise, or for an unknown client or wrong options.
/// </summary>
public sealed class DevTokenCommand(string clientId, IReadOnlyList<string> scopes, TimeSpan lifetime, TextWriter output, TextWriter error) : IRegistryCommand
{
    public const string Usage =
        """
        Usage: dotnet run --project OrganisationRegistry.Admin -- dev-token --client ID [--scope SCOPE ...] [--hours N]
          --client ID      a registered API client (seeded: kiosk, orafin, aop-hr, readonly)
          --scope SCOPE    ask for only these scopes (default: every scope the client is allowed)
          --hours N        how long the token is valid (default 8)
        Prints a bearer token signed with the development key (Development only). Use it as
          curl -H "Authorization: Bearer $TOKEN" http://localhost:5080/api/v1/organisations
        """;

    public string ClientId { get; } = clientId;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public TimeSpan Lifetime { get; } = lifetime;

    public static IRegistryCommand Parse(IReadOnlyList<string> args)
    {
        string? client = null;
        var scopes = new List<string>();
        var hours = DevelopmentTokenIssuer.DefaultLifetime.TotalHours;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return new UsageCommand(Usage, error: null);
                case "--client":
                    client = Value();
                    break;
                case "--scope":
                    if (Value() is { } scope)
                    {
                        scopes.Add(scope);
                    }

                    break;
                case "--hours" when Value() is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 24 * 7:
                    hours = value;
                    break;
                default:
                    return new UsageCommand(Usage, $"Unknown or incomplete option '{arg}'.");
            }
        }

        return string.IsNullOrWhiteSpace(client)
            ? new UsageCommand(Usage, "--client is required.")
            : new DevTokenCommand(client, scopes, TimeSpan.FromHours(hours), Console.Out, Console.Error);
    }

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var settings = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (!environment.IsDevelopment() && !environment.IsEnvironment(RegistrySignIn.TestingEnvironment))
        {
            await error.WriteLineAsync($"dev-token is refused in the '{environment.EnvironmentName}' environment: development tokens exist only in Development.");
            return 2;
        }

        if (!settings.DevelopmentTokens.Enabled)
        {
            await error.WriteLineAsync($"Development tokens are not enabled: set {ApiOptions.DevelopmentTokensEnabledKey} = true (appsettings.Development.json does).");
            return 2;
        }

        ApiAuthentication.EnsureTokensAreSafe(settings, environment);
        var allowed = await services.GetRequiredService<ApiClientDirectory>().AllowedScopesAsync(ClientId, cancellationToken);
        if (allowed is null)
        {
            await error.WriteLineAsync($"No API client '{ClientId}' is registered in this database. Seeded clients: kiosk, orafin, aop-hr, readonly (run 'seed' first).");
            return 2;
        }

        var unknown = Scopes.Where(s => !ApiScopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Unknown scope(s): {string.Join(", ", unknown)}. Scopes: {string.Join(", ", ApiScopes.All)}.");
            return 2;
        }

        var scopes = Scopes.Count == 0 ? allowed : Scopes;
        var token = services.GetRequiredService<DevelopmentTokenIssuer>().Issue(ClientId, scopes, Lifetime);
        await error.WriteLineAsync($"Development token for '{ClientId}' ({string.Join(' ', scopes)}), valid {Lifetime.TotalHours:0.#} h:");
        await output.WriteLineAsync(token);
        return 0;
    }
}

/// <summary>Prints a command's usage: after an error on standard error with exit code 2, else as help (exit code 0).</summary>
internal sealed class UsageCommand(string usage, string? error) : IRegistryCommand
{
    public Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            Console.WriteLine(usage);
            return Task.FromResult(0);
        }

        Console.Error.WriteLine(error);
        Console.Error.WriteLine(usage);
        return Task.FromResult(2);
    }
}
