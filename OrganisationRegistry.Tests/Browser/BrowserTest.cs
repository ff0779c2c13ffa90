using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Tests.Browser;

/// <summary>
/// The base of every browser test: a fresh browser context and page per test (nobody signed in), helpers to sign in
/// as a persona and to wait for the page to become interactive, and on failure a full-page screenshot, the page's
/// HTML and its console errors in <c>TestResults/Browser/</c>. A server error (5xx) or a script error during the
/// test fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>Generous: two cores are shared with other test collections and the app's first pages compile on demand.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failures = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _context = await Fixture.NewContextAsync();
        _context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _failures.Add($"Script error: {error}");
        _page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                _failures.Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed || _failures.Count > 0;
        if (_page is not null && failed)
        {
            await SaveEvidenceAsync(_page);
        }

        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        GC.SuppressFinalize(this);

        // A server error or a script error fails the test even when what it looked for was on the page.
        Assert.Empty(_failures);
    }

    /// <summary>Opens <paramref name="path"/> (relative to the app, e.g. <c>/organisaties</c>).</summary>
    protected async Task GotoAsync(string path) => await Page.GotoAsync(path);

    /// <summary>
    /// Signs in as a development persona (<c>/dev/signin/{persona}</c>) and waits until the app bar shows its name;
    /// lands on <paramref name="returnUrl"/> (home by default).
    /// </summary>
    protected async Task<DevelopmentPersona> SignInAsAsync(string personaKey, string? returnUrl = null)
    {
        var persona = DevelopmentPersonas.Find(personaKey) ?? throw new ArgumentException($"There is no persona '{personaKey}'.", nameof(personaKey));
        await GotoAsync(AccountPaths.DevelopmentSignInAs(persona.Key, returnUrl));
        await Assertions.Expect(SignedInUser).ToContainTextAsync(persona.DisplayName);
        return persona;
    }

    /// <summary>The signed-in user in the app bar (name, organisation, "Afmelden").</summary>
    protected ILocator SignedInUser => Page.GetByTestId("signed-in-user");

    /// <summary>
    /// Waits until the page's components run on the server's circuit: before that a prerendered button or field
    /// looks ready but ignores clicks and keys. Call after opening an interactive page and before using its controls.
    /// The main layout marks its <c>main</c> element <c>data-interactive</c> in the same render that attaches the
    /// page's event handlers.
    /// </summary>
    protected Task WaitForInteractivityAsync() =>
        Assertions.Expect(Page.Locator("main[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>Waits until the address is <paramref name="path"/> (the path and query, e.g. <c>/dev/signin?returnUrl=%2F</c>).</summary>
    protected Task ExpectPathAsync(string path) =>
        Assertions.Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(Fixture.BaseAddress, path).ToString()) + "$"));

    private async Task SaveEvidenceAsync(IPage page)
    {
        var test = TestContext.Current.Test;
        var name = Regex.Replace($"{GetType().Name}.{test?.TestCase.TestMethod?.MethodName ?? "test"}", "[^A-Za-z0-9_.-]", "_");
        var directory = Path.Combine(ResultsDirectory(), "Browser");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            await File.WriteAllLinesAsync(stem + ".console.txt", [$"URL: {page.Url}", .. _failures, .. _consoleErrors]);
            TestContext.Current.SendDiagnosticMessage($"Screenshot of the failed browser test: {stem}.png");
        }
        catch (PlaywrightException exception)
        {
            TestContext.Current.SendDiagnosticMessage($"No screenshot of the failed browser test: {exception.Message}");
        }
    }

    /// <summary><c>REGISTRY_TEST_RESULTS</c>, else the repository's <c>TestResults</c> folder (where scripts/test.sh puts the results).</summary>
    private static string ResultsDirectory()
    {
        if (Environment.GetEnvironmentVariable("REGISTRY_TEST_RESULTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrganisationRegistry.sln")))
            {
                return Path.Combine(directory.FullName, "TestResults");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}
