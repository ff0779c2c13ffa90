using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Browser;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The pages as people get them, in real Chromium, on the benchmark's database: the app on Kestrel at 127.0.0.1 in
/// this process, signed in as central-admin. First the server memory per open Blazor circuit (pages kept open, each
/// interactive), then the first render of the organisations page and of a domain page: from the navigation until the
/// list's first row is on screen (the prerendered HTML), and until the page is interactive (its circuit runs).
/// The lower bound of a render is Chromium fetching <c>/health/live</c> from the same server.
/// </summary>
internal static class BrowserBenchmark
{
    private const string FirstRow = "table tbody tr";
    private const string Interactive = "main[data-interactive=true]";

    public static async Task RunAsync(DatabaseFixture database, BenchmarkReport report, int runs, int circuits, CancellationToken cancellationToken)
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"The browser benchmark needs Chromium at {BrowserFixture.ChromiumPath} (apt-get install chromium).");
        }

        await using var app = RegistryWebApplicationFactory.On(database, extraSettings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var address = app.StartOnKestrel();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = BrowserFixture.ChromiumArguments,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/dev/signin/central-admin");
        await signIn.CloseAsync();

        await MeasureCircuitsAsync(context, report, circuits, cancellationToken);

        var bound = await Latencies.MeasureAsync(runs, async _ =>
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/health/live");
            await page.CloseAsync();
        });
        await MeasurePageAsync(context, report, runs, "/organisaties", "organisations page", bound);
        await MeasurePageAsync(context, report, runs, $"/toepassingsgebieden/{ReferenceCatalogue.Bestuursdecreet}", "domain page (Bestuursdecreet)", bound);
    }

    private static async Task MeasurePageAsync(IBrowserContext context, BenchmarkReport report, int runs, string path, string name, Latencies bound)
    {
        var firstRender = new List<double>(runs);
        var interactive = new List<double>(runs);
        for (var i = -3; i < runs; i++)
        {
            var page = await context.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator(FirstRow).First.WaitForAsync();
            var rendered = watch.Elapsed.TotalMilliseconds;
            await page.Locator(Interactive).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            var ready = watch.Elapsed.TotalMilliseconds;
            await page.CloseAsync();
            if (i >= 0)
            {
                firstRender.Add(rendered);
                interactive.Add(ready);
            }
        }

        Add(report, $"first render of the {name} in Chromium (first row on screen)", Latencies.Of(firstRender), 1000, bound, path);
        Add(report, $"the {name} interactive in Chromium (circuit running)", Latencies.Of(interactive), 2000, bound, path);
    }

    private static void Add(BenchmarkReport report, string name, Latencies latencies, double target, Latencies bound, string path) => report.Add(new BenchFigure
    {
        Name = name,
        Provider = "PostgreSQL",
        P50Ms = Math.Round(latencies.P50, 1),
        P95Ms = Math.Round(latencies.P95, 1),
        P99Ms = Math.Round(latencies.P99, 1),
        Target = string.Create(CultureInfo.InvariantCulture, $"p95 < {target:#,0} ms"),
        Met = latencies.P95 < target,
        Bound = "Chromium fetching /health/live",
        BoundP50Ms = Math.Round(bound.P50, 1),
        BoundP95Ms = Math.Round(bound.P95, 1),
        Note = $"{latencies.Runs} runs of {path}, a new tab each, signed in",
    });

    /// <summary>
    /// Opens one page to warm up, then <paramref name="circuits"/> more, each left open and interactive, and divides
    /// the growth of the server's managed heap (after a full, compacting collection) by their number. The server runs
    /// in this process; Chromium and the Playwright driver do not.
    /// </summary>
    private static async Task MeasureCircuitsAsync(IBrowserContext context, BenchmarkReport report, int circuits, CancellationToken cancellationToken)
    {
        var pages = new List<IPage>(circuits + 1);
        async Task OpenAsync()
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/organisaties");
            await page.Locator(Interactive).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            pages.Add(page);
        }

        await OpenAsync();
        var (heapBefore, workingSetBefore) = await MemoryAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < circuits; i++)
        {
            await OpenAsync();
        }

        var opened = watch.Elapsed;
        var (heapAfter, workingSetAfter) = await MemoryAsync(cancellationToken);
        var perCircuit = (heapAfter - heapBefore) / 1024.0 / circuits;
        report.Add(new BenchFigure
        {
            Name = $"server memory per open Blazor circuit ({circuits} circuits on /organisaties)",
            Provider = "PostgreSQL",
            Value = Math.Round(perCircuit),
            Unit = "KiB",
            Target = "< 1,024 KiB managed heap per circuit",
            Met = perCircuit < 1024,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"managed heap {heapBefore / 1048576.0:0} -> {heapAfter / 1048576.0:0} MiB; working set {workingSetBefore / 1048576.0:0} -> {workingSetAfter / 1048576.0:0} MiB ({(workingSetAfter - workingSetBefore) / 1024.0 / circuits:0} KiB per circuit); opened in {opened.TotalSeconds:0.0} s"),
        });
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
    }

    private static async Task<(long Heap, long WorkingSet)> MemoryAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
