using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>The <c>kbo-generate</c> and <c>kbo-import</c> commands end to end through the command line, on SQLite.</summary>
[Collection(SqliteCollection.Name)]
public sealed class KboImportCommandTests(SqliteDatabaseFixture database) : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kbo-command-tests-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task GenerateThenImport_FullAndUpdate_ReturnZero_AndFillTheCopy_AuditedAsTheSystem()
    {
        var full = Path.Combine(_temp.FullName, "full.zip");
        var update = Path.Combine(_temp.FullName, "update");

        Assert.Equal(0, await RunAsync("kbo-generate", full, "--enterprises", "400", "--seed", "9", "--zip"));
        Assert.Equal(0, await RunAsync("kbo-generate", update, "--update-of", full, "--seed", "10"));
        Assert.Equal(0, await RunAsync("kbo-import", full));
        Assert.Equal(400, await CountAsync(db => db.KboEnterprises));
        Assert.Equal(0, await RunAsync("kbo-import", update));

        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal([KboImport.Full, KboImport.Update], await db.KboImports.OrderBy(i => i.ExtractNumber).Select(i => i.ExtractType).ToListAsync(Ct));
        var entries = await db.AuditEntries.Where(e => e.EntityType == nameof(KboImport)).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditChannel.Import, "system"), (e.Channel, e.ActorId)));
    }

    [Fact]
    public async Task Generate_FromRegister_IncludesTheKboNumbersOfTheOrganisations()
    {
        var number = KboNumber.FromBase(2_000_657);
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(1), new OrganisationDetails("Agentschap met KBO-nummer", KboNumber: number)));
            await db.SaveChangesAsync(Ct);
        }

        var folder = Path.Combine(_temp.FullName, "full");
        Assert.Equal(0, await RunAsync("kbo-generate", folder, "--enterprises", "50", "--from-register"));
        Assert.Equal(0, await RunAsync("kbo-import", folder));

        await using var check = await database.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal("124", await check.KboEnterprises.Where(e => e.Number == number.Digits).Select(e => e.JuridicalForm).SingleAsync(Ct));
    }

    [Fact]
    public async Task Import_OfARefusedExtract_ReturnsOne_AndWritesNothing()
    {
        var full = Path.Combine(_temp.FullName, "full");
        var update = Path.Combine(_temp.FullName, "update");
        Assert.Equal(0, await RunAsync("kbo-generate", full, "--enterprises", "50"));
        Assert.Equal(0, await RunAsync("kbo-generate", update, "--update-of", full));

        Assert.Equal(1, await RunAsync("kbo-import", update));
        Assert.Equal(1, await RunAsync("kbo-import", Path.Combine(_temp.FullName, "missing.zip")));
        Assert.Equal(0, await CountAsync(db => db.KboImports));
    }

    [Theory]
    [InlineData("kbo-import")]
    [InlineData("kbo-import", "a", "b")]
    [InlineData("kbo-import", "--bogus")]
    [InlineData("kbo-generate")]
    [InlineData("kbo-generate", "out", "--enterprises", "many")]
    [InlineData("kbo-generate", "out", "--bogus")]
    public async Task WrongOptions_PrintTheUsage_AndReturnTwo(params string[] args)
    {
        var command = RegistryCommandLine.Parse(args);

        Assert.IsNotType<KboImportCommand>(command);
        Assert.IsNotType<KboGenerateCommand>(command);
        Assert.Equal(2, await command!.RunAsync(database.Services, Ct));
    }

    [Fact]
    public void Generate_ReadsItsOptions()
    {
        var command = Assert.IsType<KboGenerateCommand>(RegistryCommandLine.Parse(["kbo-generate", "out.zip", "--enterprises", "2000000", "--seed", "4", "--zip", "--malformed"]));

        Assert.Equal((2_000_000, 4, true, true, false, null), (command.Options.Enterprises, command.Options.Seed, command.Options.Zip, command.Options.Malformed, command.FromRegister, command.UpdateOf));
    }

    private Task<int> RunAsync(params string[] args) => RegistryCommandLine.Parse(args)!.RunAsync(database.Services, Ct);

    private async Task<int> CountAsync<T>(Func<OrganisationRegistry.Domain.Persistence.RegistryDbContext, IQueryable<T>> set)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await set(db).CountAsync(Ct);
    }
}
