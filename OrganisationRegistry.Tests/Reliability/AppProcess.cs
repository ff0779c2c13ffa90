using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Reliability;

/// <summary>
/// The built app (<c>OrganisationRegistry.Admin.dll</c> of the Release build) as its own OS process, in the Testing
/// environment, on 127.0.0.1 at a free port, on the given PostgreSQL database, with development tokens and the rate
/// limit raised: a process that can be killed with SIGKILL (<see cref="Kill"/>) and started again. Its output goes to
/// a log file. The command line of the same build runs as a process too (<see cref="RunCommandAsync"/>).
/// </summary>
internal sealed class AppProcess(string appDll, string connectionString, string signingKey, string logPath) : IAsyncDisposable
{
    private Process? _process;

    public Uri? BaseAddress { get; private set; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>The Admin project's Release build, found from the tests' output folder (or <c>REGISTRY_RELIABILITY_APP</c>).</summary>
    public static string FindAppDll()
    {
        if (Environment.GetEnvironmentVariable("REGISTRY_RELIABILITY_APP") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "OrganisationRegistry.Admin", "bin", "Release", "net10.0", "OrganisationRegistry.Admin.dll");
            if (File.Exists(Path.Combine(directory.FullName, "OrganisationRegistry.sln")))
            {
                return File.Exists(candidate)
                    ? candidate
                    : throw new InvalidOperationException($"{candidate} is missing: build the solution in Release first (scripts/reliability.sh does).");
            }
        }

        throw new InvalidOperationException("OrganisationRegistry.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200 (at most <paramref name="timeout"/>).</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = StartInfo([appDll, "--urls", $"http://127.0.0.1:{port}"]);
        var clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        Pipe(_process, "app");

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting; see {logPath}.");
            }

            try
            {
                using var response = await probe.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not answering yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        Kill();
        throw new TimeoutException($"The app was not ready within {timeout.TotalSeconds:0} s; see {logPath}.");
    }

    /// <summary>SIGKILL (on Linux <see cref="Process.Kill()"/> sends it): no shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs a command of the app's command line (e.g. <c>verify-audit</c>) on the same database; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = StartInfo([appDll, .. arguments]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not end within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, (await output + await error).Trim());
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = RegistrySignIn.TestingEnvironment,
            ["DOTNET_ENVIRONMENT"] = RegistrySignIn.TestingEnvironment,
            [PersistenceServiceCollectionExtensions.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = connectionString,
            [RegistrySignInOptions.DevelopmentSignInEnabledKey] = "true",
            [ApiOptions.DevelopmentTokensEnabledKey] = "true",
            [ApiOptions.DevelopmentTokensSigningKeyKey] = signingKey,
            [ApiRateLimiting.SectionName + ":PermitsPerSecond"] = "1000000",
            [ApiRateLimiting.SectionName + ":Burst"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>Drains the process's output into the log (a full pipe would block the app).</summary>
    private void Pipe(Process process, string name)
    {
        var writer = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                try
                {
                    writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{name}] {line}");
                }
                catch (ObjectDisposedException)
                {
                    // The last lines of a killed process may come after it exited.
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                writer.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
