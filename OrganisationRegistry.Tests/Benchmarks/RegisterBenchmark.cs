using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The register at 10x today's size, measured end to end: run by <c>scripts/bench.sh</c> (explicit). Per database
/// (PostgreSQL, then SQLite): seeds <see cref="Organisations"/> organisations and times it; on PostgreSQL measures the
/// API's write throughput against the same writes in plain SQL; fills the audit trail to <see cref="AuditEntries"/>
/// entries; times the reads the pages make through the app's own services (search, the domain list, the detail, the
/// audit review) against the same questions in plain SQL; and on PostgreSQL times the first render of two pages in
/// real Chromium and the server memory per open Blazor circuit. Prints each figure beside its target and its lower
/// bound, then the table, and writes it to <c>artifacts/bench/results.json</c>. Settings (environment):
/// <c>REGISTRY_BENCH_ORGANISATIONS</c> (500,000), <c>REGISTRY_BENCH_AUDIT_ENTRIES</c> (10,000,000),
/// <c>REGISTRY_BENCH_PROVIDERS</c> (<c>PostgreSql,Sqlite</c>), <c>REGISTRY_BENCH_RUNS</c> (100 per read),
/// <c>REGISTRY_BENCH_SECONDS</c> (20 s per write run), <c>REGISTRY_BENCH_CIRCUITS</c> (100).
/// </summary>
public sealed class RegisterBenchmark
{
    private const string Domain = ReferenceCatalogue.Bestuursdecreet;

    // Name fragments people type: whole words and parts of words, frequent and rare.
    private static readonly string[] Fragments = ["zwembad", "gent", "kerkfabriek sint", "politiezone", "brugge", "academie", "ocmw", "jeugdhuis", "welzijn", "basisschool", "sport", "aalst"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Organisations => Setting("REGISTRY_BENCH_ORGANISATIONS", 500_000);

    private static long AuditEntries => Setting("REGISTRY_BENCH_AUDIT_ENTRIES", 10_000_000);

    private static int Runs => Setting("REGISTRY_BENCH_RUNS", 100);

    private static int Circuits => Setting("REGISTRY_BENCH_CIRCUITS", 100);

    private static IReadOnlyList<DatabaseProvider> Providers =>
        [.. (Environment.GetEnvironmentVariable("REGISTRY_BENCH_PROVIDERS") ?? "PostgreSql,Sqlite")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<DatabaseProvider>)];

    [Fact(Explicit = true)]
    public async Task TenTimesTodaysRegister()
    {
        var report = new BenchmarkReport(Print);
        report.Print(string.Create(CultureInfo.InvariantCulture,
            $"Register benchmark: {Organisations:N0} organisations, {AuditEntries:N0} audit entries, {Runs} runs per read, {Environment.ProcessorCount} cores, {string.Join(", ", Providers)}"));
        try
        {
            foreach (var provider in Providers)
            {
                await using DatabaseFixture database = provider == DatabaseProvider.PostgreSql
                    ? new PostgreSqlDatabaseFixture()
                    : new SqliteDatabaseFixture(pooling: true);
                await database.InitializeAsync();
                var name = provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
                report.Print($"{name}:");

                await SeedAsync(database, name, report);
                if (provider == DatabaseProvider.PostgreSql)
                {
                    await BenchWritesAsync(database, report);
                }

                var fill = Stopwatch.StartNew();
                await SyntheticAuditHistory.FillAsync(database.Contexts, AuditEntries, Organisations, Ct, report.Print);
                report.Print(string.Create(CultureInfo.InvariantCulture, $"  audit trail at {AuditEntries:N0} entries in {fill.Elapsed.TotalSeconds:0} s"));

                await BenchReadsAsync(database, name, report);
                if (provider == DatabaseProvider.PostgreSql)
                {
                    await BrowserBenchmark.RunAsync(database, report, Runs, Circuits, Ct);
                }
            }
        }
        finally
        {
            await report.WriteAsync(ResultsPath(), Ct);
        }

        Assert.NotEmpty(report.Figures);
    }

    private static async Task SeedAsync(DatabaseFixture database, string provider, BenchmarkReport report)
    {
        var watch = Stopwatch.StartNew();
        var result = await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations, RandomSeed: 42), cancellationToken: Ct);
        var seconds = watch.Elapsed.TotalSeconds;
        report.Add(new BenchFigure
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"seed {Organisations:N0} organisations (audited)"),
            Provider = provider,
            Value = Math.Round(seconds, 1),
            Unit = "s",
            Target = "< 120 s for 500,000",
            Met = seconds < 120 * Organisations / 500_000.0,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"{Organisations / seconds:N0} organisations/s; rows: {string.Join(", ", result.RowsWritten.Select(r => $"{r.Key} {r.Value:N0}"))}"),
        });
    }

    /// <summary>The reads of the pages, through the services, each beside the same question in plain SQL on the same database.</summary>
    private static async Task BenchReadsAsync(DatabaseFixture database, string provider, BenchmarkReport report)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationQueries>();
        var domains = scope.ServiceProvider.GetRequiredService<ApplicationDomainQueries>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditQueries>();
        var sql = new PlainSql(database.Provider, database.ConnectionString);

        var ovoCount = (await organisations.CountAsync(DateOnly.MinValue, Ct)).Total;
        var random = new Random(42);
        var ovos = Enumerable.Range(0, Runs + 10).Select(_ => $"OVO{random.Next(1, ovoCount + 1):D6}").ToList();
        var kbos = await KboNumbersAsync(sql, random);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        async Task Compare(string name, double target, Func<int, Task> app, Func<int, Task> plain, string bound, string? note = null)
        {
            var (appTimes, sqlTimes) = await Latencies.MeasurePairAsync(Runs, app, plain);
            report.AddQuery(provider, name, target, appTimes, sqlTimes, bound, note);
        }

        string Fragment(int i) => Fragments[i % Fragments.Length];
        var hits = 0L;
        foreach (var fragment in Fragments)
        {
            hits += (await organisations.SearchAsync(new OrganisationSearch(fragment), Ct)).TotalCount;
        }

        await Compare(
            "search: name fragment",
            30,
            i => organisations.SearchAsync(new OrganisationSearch(Fragment(i)), Ct),
            i => sql.SearchTextAsync(SearchText.Normalise(Fragment(i)), Ct),
            "plain SQL: count + page by name",
            $"{Runs} runs over {Fragments.Length} fragments ({string.Join(", ", Fragments)}); {hits / Fragments.Length:N0} hits on average");
        await Compare(
            "search: OVO code",
            30,
            i => organisations.SearchAsync(new OrganisationSearch(ovos[i]), Ct),
            i => sql.SearchExactAsync("OvoCode", ovos[i], Ct),
            "plain SQL: count + page");
        await Compare(
            "search: KBO number",
            30,
            i => organisations.SearchAsync(new OrganisationSearch(kbos[i % kbos.Count]), Ct),
            i => sql.SearchExactAsync("KboNumber", kbos[i % kbos.Count], Ct),
            "plain SQL: count + page");

        var members = (await domains.SearchMembersAsync(Domain, new DomainMemberSearch(new DomainMemberFilter(today)), Ct)).TotalCount;
        var deepPage = Math.Max(1, (members + DomainMemberSearch.DefaultPageSize - 1) / DomainMemberSearch.DefaultPageSize);
        await Compare(
            "domain list on a date: first page",
            30,
            _ => domains.SearchMembersAsync(Domain, new DomainMemberSearch(new DomainMemberFilter(today)), Ct),
            _ => sql.DomainMembersAsync(Domain, today, 1, Ct),
            "plain SQL: count + page by name",
            $"{members:N0} members of the Bestuursdecreet on {today:dd/MM/yyyy}");
        await Compare(
            $"domain list on a date: last page ({deepPage})",
            30,
            _ => domains.SearchMembersAsync(Domain, new DomainMemberSearch(new DomainMemberFilter(today), Page: deepPage), Ct),
            _ => sql.DomainMembersAsync(Domain, today, deepPage, Ct),
            "plain SQL: count + page by name");

        await Compare(
            "organisation detail",
            30,
            i => organisations.GetAsync(OvoCode.Parse(ovos[i]), cancellationToken: Ct),
            i => sql.OrganisationDetailAsync(ovos[i], Ct),
            "plain SQL: the same 6 statements");

        var central = RegistryUser.System;
        static DateOnly Month(int i) => new DateOnly(2023, 1, 1).AddMonths(i % 36);
        static string Actor(int i) => $"persoon{(i * 37) % SyntheticAuditHistory.People}@vlaanderen.be";
        const string Period = "e.\"OccurredAt\" >= @from AND e.\"OccurredAt\" < @to";
        static (string, object)[] Between(DateOnly from, DateOnly to) => [("from", AuditTime.StartOfDayUtc(from)), ("to", AuditTime.StartOfDayUtc(to.AddDays(1)))];
        await Compare(
            "audit review: one organisation",
            100,
            i => audit.SearchAsync(central, new AuditFilter { Organisation = ovos[i] }, 1, 25, cancellationToken: Ct),
            i => sql.AuditAsync("e.\"OrganisationOvoCode\" = @ovo", [("ovo", ovos[i])], Ct),
            "plain SQL: capped count + page");
        await Compare(
            "audit review: one person in a month",
            100,
            i => audit.SearchAsync(central, new AuditFilter { Actor = Actor(i), From = Month(i), To = Month(i).AddMonths(1).AddDays(-1) }, 1, 25, cancellationToken: Ct),
            i => sql.AuditAsync($"e.\"ActorId\" = @actor AND {Period}", [("actor", Actor(i)), .. Between(Month(i), Month(i).AddMonths(1).AddDays(-1))], Ct),
            "plain SQL: capped count + page");
        await Compare(
            "audit review: a domain in a month",
            100,
            i => audit.SearchAsync(central, new AuditFilter { Domain = Domain, From = Month(i), To = Month(i).AddMonths(1).AddDays(-1) }, 1, 25, cancellationToken: Ct),
            i => sql.AuditAsync($"e.\"DomainCode\" = @domain AND {Period}", [("domain", Domain), .. Between(Month(i), Month(i).AddMonths(1).AddDays(-1))], Ct),
            "plain SQL: capped count + page");
        await Compare(
            "audit review: deletions of organisations in a week",
            100,
            i => audit.SearchAsync(central, new AuditFilter { EntityType = "Organisation", Operation = AuditOperation.Delete, From = Month(i), To = Month(i).AddDays(6) }, 1, 25, cancellationToken: Ct),
            i => sql.AuditAsync($"e.\"EntityType\" = 'Organisation' AND e.\"Operation\" = 'Delete' AND {Period}", Between(Month(i), Month(i).AddDays(6)), Ct),
            "plain SQL: capped count + page");
    }

    private static async Task<List<string>> KboNumbersAsync(PlainSql sql, Random random)
    {
        await using var connection = sql.Connect();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"KboNumber\" FROM \"Organisations\" WHERE \"KboNumber\" IS NOT NULL ORDER BY \"OvoCode\" LIMIT 5000";
        var all = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                all.Add(reader.GetString(0));
            }
        }

        return [.. Enumerable.Range(0, Runs + 10).Select(_ => all[random.Next(all.Count)])];
    }

    /// <summary>
    /// Assignments written by the client orafin through <c>POST /api/v1/organisations/{ovo}/assignments</c> on Kestrel,
    /// 16 writers, against the same rows written in plain SQL (lock, insert, audit counter, previous hash, audit entry,
    /// commit: four round trips), 16 writers, on the same database.
    /// </summary>
    private static async Task BenchWritesAsync(DatabaseFixture database, BenchmarkReport report)
    {
        var (targets, ids) = await WriteTargetsAsync(database);
        var api = await WriteThroughputBenchmarks.RunApiAsync(database, targets, new DateOnly(1800, 1, 1));

        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var plain = await WriteThroughputBenchmarks.RunAsync(targets, new DateOnly(1700, 1, 1), (ovo, day) => PlainWriteAsync(source, ids, ovo, day));
        var ratio = api.OpsPerSecond <= 0 ? (double?)null : plain.OpsPerSecond / api.OpsPerSecond;
        foreach (var error in api.Errors.Concat(plain.Errors).GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
        {
            report.Print($"  {error.Count()} x {error.Key}");
        }

        report.Add(new BenchFigure
        {
            Name = $"API writes: assignments over HTTP, {WriteThroughputBenchmarks.Writers} writers",
            Provider = "PostgreSQL",
            Value = Math.Round(api.OpsPerSecond),
            Unit = "writes/s",
            P50Ms = Math.Round(api.P50, 2),
            P95Ms = Math.Round(api.P95, 2),
            P99Ms = Math.Round(api.P99, 2),
            Target = ">= 1,000 writes/s, p99 < 100 ms",
            Met = api.OpsPerSecond >= 1000 && api.P99 < 100 && api.Errors.Count == 0,
            Bound = string.Create(CultureInfo.InvariantCulture, $"plain SQL writes of the same rows: {plain.OpsPerSecond:N0} writes/s"),
            BoundP50Ms = Math.Round(plain.P50, 2),
            BoundP95Ms = Math.Round(plain.P95, 2),
            RatioToSql = ratio is { } r ? Math.Round(r, 2) : null,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"{api.Operations:N0} writes in {WriteThroughputBenchmarks.Duration.TotalSeconds:0} s, {api.Errors.Count} errors, app CPU {api.AppCpuMillisecondsPerWrite:0.00} ms/write (load generator in the same process); plain SQL p99 {plain.P99:0.0} ms, {plain.Errors.Count} errors"),
        });
    }

    private sealed record WriteIds(Guid Domain, Guid Category, IReadOnlyDictionary<string, Guid> Organisations);

    /// <summary>Organisations without any Vlaamse Codex assignment (so no write overlaps one), and the ids plain SQL needs.</summary>
    private static async Task<(IReadOnlyList<string> Targets, WriteIds Ids)> WriteTargetsAsync(DatabaseFixture database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var ids = new NpgsqlCommand("""
            SELECT d."Id", c."Id" FROM "ApplicationDomains" d JOIN "DomainCategories" c ON c."ApplicationDomainId" = d."Id"
            WHERE d."Code" = @domain AND c."Code" = 'dab'
            """, connection);
        ids.Parameters.AddWithValue("domain", ReferenceCatalogue.Vco);
        Guid domain, category;
        await using (var reader = await ids.ExecuteReaderAsync(Ct))
        {
            await reader.ReadAsync(Ct);
            (domain, category) = (reader.GetGuid(0), reader.GetGuid(1));
        }

        await using var free = new NpgsqlCommand("""
            SELECT o."OvoCode", o."Id" FROM "Organisations" o
            WHERE NOT EXISTS (SELECT 1 FROM "DomainAssignments" a WHERE a."OrganisationId" = o."Id" AND a."ApplicationDomainId" = @domain)
            ORDER BY o."OvoCode" LIMIT 20000
            """, connection);
        free.Parameters.AddWithValue("domain", domain);
        var organisations = new Dictionary<string, Guid>();
        await using (var reader = await free.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                organisations[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        return ([.. organisations.Keys], new WriteIds(domain, category, organisations));
    }

    /// <summary>One assignment and its audit entry in plain SQL, as the app writes them, in as few round trips as the chain allows.</summary>
    private static async Task PlainWriteAsync(NpgsqlDataSource source, WriteIds ids, string ovo, DateOnly day)
    {
        await using var connection = await source.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var organisation = ids.Organisations[ovo];
        var assignment = Guid.CreateVersion7();
        long position;
        byte[] previous;
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(@p1, 0))") { Parameters = { new("p1", "organisation:" + ovo) } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO "DomainAssignments" ("Id", "ApplicationDomainId", "CategoryId", "OrganisationId", "ValidFrom", "ValidTo", "Version")
                VALUES (@p1, @p2, @p3, @p4, @p5, @p5, 1)
                """)
            {
                Parameters = { new("p1", assignment), new("p2", ids.Domain), new("p3", ids.Category), new("p4", organisation), new("p5", day) },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE \"Sequences\" SET \"NextValue\" = \"NextValue\" + 1 WHERE \"Name\" = @p1 RETURNING \"NextValue\", \"LastHash\"")
            {
                Parameters = { new("p1", RegistrySequence.AuditPosition) },
            });
            // The counter's position and the chain's head are the last row the batch returns (the lock's row comes first).
            (position, previous) = (0, new byte[32]);
            await using var reader = await batch.ExecuteReaderAsync(Ct);
            do
            {
                while (await reader.ReadAsync(Ct))
                {
                    if (reader.FieldCount == 2)
                    {
                        position = reader.GetInt64(0) - 1;
                        previous = reader.IsDBNull(1) ? new byte[32] : (byte[])reader.GetValue(1);
                    }
                }
            }
            while (await reader.NextResultAsync(Ct));
        }

        var values = $"{{\"ApplicationDomainId\":\"{ids.Domain}\",\"CategoryId\":\"{ids.Category}\",\"OrganisationId\":\"{organisation}\",\"ValidFrom\":\"{day:yyyy-MM-dd}\",\"ValidTo\":\"{day:yyyy-MM-dd}\",\"Version\":1}}";
        var now = DateTime.UtcNow;
        var correlation = Guid.NewGuid().ToString("N");
        var entryHash = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes($"{position}|{now:O}|orafin|Api|Insert|DomainAssignment|{assignment}|{values}|{correlation}")]);
        await using (var append = new NpgsqlBatch(connection, transaction))
        {
            append.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO "AuditEntries" ("Position", "OccurredAt", "ActorId", "ActorName", "ActorKind", "ActorOrganisation", "Channel", "Operation", "EntityType",
                    "EntityKey", "OrganisationOvoCode", "DomainCode", "OldValues", "NewValues", "CorrelationId", "Reason", "Hash")
                VALUES (@p1, @p2, 'orafin', 'Orafin', 'MachineClient', NULL, 'Api', 'Insert', 'DomainAssignment', @p3, @p4, @p5, NULL, @p6, @p7, NULL, @p8)
                """)
            {
                Parameters =
                {
                    new("p1", position), new("p2", now), new("p3", assignment.ToString()), new("p4", ovo), new("p5", ReferenceCatalogue.Vco),
                    new("p6", values), new("p7", correlation), new("p8", entryHash),
                },
            });
            append.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE \"Sequences\" SET \"LastHash\" = @p1 WHERE \"Name\" = @p2")
            {
                Parameters = { new("p1", entryHash), new("p2", RegistrySequence.AuditPosition) },
            });
            await append.ExecuteNonQueryAsync(Ct);
        }

        await transaction.CommitAsync(Ct);
    }

    /// <summary><c>artifacts/bench/results.json</c> at the repository's root (<c>REGISTRY_BENCH_RESULTS</c> overrides it).</summary>
    private static string ResultsPath()
    {
        if (Environment.GetEnvironmentVariable("REGISTRY_BENCH_RESULTS") is { Length: > 0 } path)
        {
            return path;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrganisationRegistry.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? Directory.GetCurrentDirectory(), "artifacts", "bench", "results.json");
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static void Print(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
