using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The KBO import of a full extract in the real format, run by hand (explicit):
/// <code>
/// bash scripts/test.sh -c Release --filter "FullyQualifiedName~KboImportBenchmarks" -- xUnit.Explicit=only
/// </code>
/// Generates a full extract of <c>REGISTRY_BENCH_KBO_ENTERPRISES</c> enterprises (default 2,000,000) to a temporary
/// folder, imports it on PostgreSQL (the throwaway server of <c>REGISTRY_TEST_POSTGRES</c>) and on SQLite (a file),
/// printing the time and rows per second of each step, then once more over the copy (deleting it first); then loads the same four files with PostgreSQL's own
/// <c>COPY ... FROM STDIN (FORMAT csv, HEADER true)</c> into staging tables of text columns, and prints the ratio.
/// </summary>
public sealed class KboImportBenchmarks
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static int Enterprises => int.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_KBO_ENTERPRISES") ?? "2000000", Invariant);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task FullExtract_PostgreSqlAndSqlite_AndPostgreSqlCopy()
    {
        var folder = Directory.CreateTempSubdirectory("kbo-bench-").FullName;
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var extract = KboExtractGenerator.GenerateFull(folder, new KboGeneratorOptions { Enterprises = Enterprises });
            Report($"generated {extract.Enterprises:N0} enterprises, {extract.Denominations:N0} names, {extract.Establishments:N0} establishments in {stopwatch.Elapsed.TotalSeconds:0.0} s " +
                   $"({Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / 1e6:N0} MB of CSV)");

            TimeSpan postgres;
            await using (var database = new PostgreSqlDatabaseFixture())
            {
                await database.InitializeAsync();
                postgres = await ImportAsync("PostgreSQL", database, folder, extract);
                await ImportAsync("PostgreSQL, again (deleting the previous copy)", database, folder, extract);
                var copy = await CopyAsync(database.ConnectionString, folder);
                Report($"PostgreSQL COPY (csv, text staging tables) of the same 4 files: {copy.TotalSeconds:0.0} s");
                Report($"ratio import / COPY on PostgreSQL: {postgres.TotalSeconds / copy.TotalSeconds:0.00}");
            }

            await using (var database = new SqliteDatabaseFixture())
            {
                await database.InitializeAsync();
                await ImportAsync("SQLite", database, folder, extract);
                await ImportAsync("SQLite, again (deleting the previous copy)", database, folder, extract);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> ImportAsync(string provider, DatabaseFixture database, string folder, KboGeneratedExtract extract)
    {
        var importer = database.Services.GetRequiredService<KboImporter>();
        var result = await importer.ImportAsync(RegistryUser.System, folder, cancellationToken: Ct);
        Report($"{provider}: full import in {result.Elapsed.TotalSeconds:0.0} s " +
               $"({result.Import.Enterprises:N0} enterprises, {result.Import.Denominations:N0} names, {result.Import.Addresses:N0} seats, {result.Import.SkippedRows} skipped)");
        foreach (var (step, elapsed, rows) in result.Steps)
        {
            Report($"  {step,-18} {elapsed.TotalSeconds,8:0.0} s {rows,12:N0} rows read {(elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0),12:N0} rows/s");
        }

        Assert.Equal(extract.Enterprises, result.Import.Enterprises);
        Assert.Equal(extract.Denominations, result.Import.Denominations);
        return result.Elapsed;
    }

    /// <summary>PostgreSQL's own CSV loader over the files the import reads, into tables of text columns without keys.</summary>
    private static async Task<TimeSpan> CopyAsync(string connectionString, string folder)
    {
        var tables = new (string File, string[] Columns)[]
        {
            (KboFiles.Enterprise, KboFiles.EnterpriseColumns),
            (KboFiles.Denomination, KboFiles.DenominationColumns),
            (KboFiles.Address, KboFiles.AddressColumns),
            (KboFiles.Code, KboFiles.CodeColumns),
        };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var stopwatch = Stopwatch.StartNew();
        foreach (var (file, columns) in tables)
        {
            var table = "staging_" + Path.GetFileNameWithoutExtension(file);
            await using (var create = new NpgsqlCommand($"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))})", connection))
            {
                await create.ExecuteNonQueryAsync(Ct);
            }

            var fileStopwatch = Stopwatch.StartNew();
            await using (var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)", Ct))
            using (var reader = File.OpenText(Path.Combine(folder, file)))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await reader.ReadAsync(buffer, Ct)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read), Ct);
                }
            }

            Report($"  COPY {file,-18} {fileStopwatch.Elapsed.TotalSeconds,8:0.0} s");
        }

        return stopwatch.Elapsed;
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
    }
}
