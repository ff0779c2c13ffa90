using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// One figure of the register benchmark, as printed and as written to <c>artifacts/bench/results.json</c>: a latency
/// (<see cref="P50Ms"/>, <see cref="P95Ms"/>, <see cref="P99Ms"/>) or a single <see cref="Value"/> with its
/// <see cref="Unit"/>; the <see cref="Target"/> in words and whether it is <see cref="Met"/>; the lower bound it is
/// compared with (<see cref="Bound"/>, e.g. the same question as plain SQL, with its p50 and p95) and the ratio to it.
/// </summary>
public sealed record BenchFigure
{
    public required string Name { get; init; }

    public string? Provider { get; init; }

    public double? P50Ms { get; init; }

    public double? P95Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? Value { get; init; }

    public string? Unit { get; init; }

    public required string Target { get; init; }

    public required bool Met { get; init; }

    /// <summary>What the figure is compared with, in words ("plain SQL: count + page"), or null when nothing is.</summary>
    public string? Bound { get; init; }

    public double? BoundP50Ms { get; init; }

    public double? BoundP95Ms { get; init; }

    /// <summary>For a bound in plain SQL: the figure's p50 divided by the plain SQL's p50 (for throughput: SQL's rate / ours).</summary>
    public double? RatioToSql { get; init; }

    /// <summary>Runs, hits, rows: what a reader needs to judge the figure.</summary>
    public string? Note { get; init; }
}

/// <summary>Latencies of repeated runs of one operation.</summary>
public sealed record Latencies(double P50, double P95, double P99, double Max, int Runs)
{
    public static Latencies Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0
            ? new Latencies(0, 0, 0, 0, 0)
            : new Latencies(Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1], sorted.Count);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> <paramref name="warmUps"/> times unmeasured, then <paramref name="runs"/> times
    /// measured; the argument is the run's number (0, 1, ...; warm-ups get the numbers after the measured runs), so
    /// a benchmark and its plain-SQL bound can ask the same sequence of targets.
    /// </summary>
    public static async Task<Latencies> MeasureAsync(int runs, Func<int, Task> operation, int warmUps = 5)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await operation(runs + i);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Of(times);
    }

    /// <summary>
    /// An operation and its lower bound on the same targets, taken in turns (run i of both back to back, which of the two
    /// goes first alternating), after <paramref name="warmUps"/> unmeasured runs of each: neither finds the caches and
    /// the pages the other one read first (the first read of fresh rows also writes their hint bits).
    /// </summary>
    public static async Task<(Latencies First, Latencies Second)> MeasurePairAsync(int runs, Func<int, Task> first, Func<int, Task> second, int warmUps = 5)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await first(runs + i);
            await second(runs + i);
        }

        var (a, b) = (new List<double>(runs), new List<double>(runs));
        for (var i = 0; i < runs; i++)
        {
            foreach (var takeFirst in i % 2 == 0 ? [true, false] : new[] { false, true })
            {
                var watch = Stopwatch.StartNew();
                await (takeFirst ? first(i) : second(i));
                (takeFirst ? a : b).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (Of(a), Of(b));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Collects the figures, prints each as it comes and writes the table and the JSON at the end.</summary>
public sealed class BenchmarkReport(Action<string> print)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private readonly List<BenchFigure> _figures = [];

    public IReadOnlyList<BenchFigure> Figures => _figures;

    public void Print(string line) => print(line);

    public BenchFigure Add(BenchFigure figure)
    {
        _figures.Add(figure);
        print("  " + Line(figure));
        return figure;
    }

    /// <summary>A latency figure compared with plain SQL: met when its p95 is under <paramref name="targetP95Ms"/> and its p50 within twice the plain SQL's.</summary>
    public BenchFigure AddQuery(string provider, string name, double targetP95Ms, Latencies app, Latencies sql, string bound, string? note = null)
    {
        var ratio = sql.P50 <= 0 ? (double?)null : app.P50 / sql.P50;
        return Add(new BenchFigure
        {
            Name = name,
            Provider = provider,
            P50Ms = Round(app.P50),
            P95Ms = Round(app.P95),
            P99Ms = Round(app.P99),
            Target = string.Create(CultureInfo.InvariantCulture, $"p95 < {targetP95Ms:0} ms, within 2x of plain SQL"),
            Met = app.P95 < targetP95Ms && ratio <= 2,
            Bound = bound,
            BoundP50Ms = Round(sql.P50),
            BoundP95Ms = Round(sql.P95),
            RatioToSql = ratio is { } r ? Math.Round(r, 2) : null,
            Note = note ?? $"{app.Runs} runs",
        });
    }

    /// <summary>
    /// Writes the figures to <paramref name="path"/> as JSON (an array of objects), the table beside it
    /// (<c>results.txt</c>), and prints the table.
    /// </summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(_figures, Json), cancellationToken);
        var table = Table();
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".txt"), table + Environment.NewLine, cancellationToken);
        print(string.Empty);
        print(table);
        print($"Written to {path}");
    }

    public string Table()
    {
        var rows = _figures.Select(f => new[]
        {
            f.Provider is null ? f.Name : $"{f.Provider}: {f.Name}",
            Number(f.P50Ms),
            Number(f.P95Ms),
            f.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:#,0.##} {f.Unit}") : string.Empty,
            f.Target,
            f.Bound is null ? string.Empty : $"{f.Bound}{(f.BoundP50Ms is { } b ? string.Create(CultureInfo.InvariantCulture, $" ({b:0.0}/{f.BoundP95Ms:0.0} ms)") : string.Empty)}",
            f.RatioToSql is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0.00}") : string.Empty,
            f.Met ? "yes" : "NO",
        }).ToList();
        string[] header = ["figure", "p50 ms", "p95 ms", "value", "target", "lower bound (p50/p95)", "ratio", "met"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Row(string[] cells) => text.AppendLine(string.Join(" | ", cells.Select((c, i) => i is 1 or 2 or 6 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Row(header);
        text.AppendLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        rows.ForEach(Row);
        text.Append(string.Create(CultureInfo.InvariantCulture, $"{_figures.Count(f => f.Met)} of {_figures.Count} targets met"));
        return text.ToString();
    }

    private static string Line(BenchFigure f)
    {
        var measured = f.Value is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v:#,0.##} {f.Unit}")
            : string.Create(CultureInfo.InvariantCulture, $"p50 {f.P50Ms:0.0} ms, p95 {f.P95Ms:0.0} ms");
        if (f.Value is not null && f.P50Ms is not null)
        {
            measured += string.Create(CultureInfo.InvariantCulture, $", p50 {f.P50Ms:0.0} ms, p95 {f.P95Ms:0.0} ms, p99 {f.P99Ms:0.0} ms");
        }

        var bound = f.Bound is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; {f.Bound}: p50 {f.BoundP50Ms:0.0} ms, p95 {f.BoundP95Ms:0.0} ms") + (f.RatioToSql is { } r ? string.Create(CultureInfo.InvariantCulture, $", ratio {r:0.00}") : string.Empty);
        return $"{(f.Provider is null ? string.Empty : f.Provider + ": ")}{f.Name}: {measured} (target {f.Target}: {(f.Met ? "met" : "NOT met")}){bound}{(f.Note is null ? string.Empty : $" [{f.Note}]")}";
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;

    private static double Round(double value) => Math.Round(value, 2);
}
