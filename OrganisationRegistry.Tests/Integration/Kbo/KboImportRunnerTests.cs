using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrganisationRegistry.Admin.Kbo;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>
/// The background runner of the KBO page: one import at a time (a second is refused while the first runs), progress
/// and result observable, the uploaded file deleted afterwards, rights checked before anything starts.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class KboImportRunnerTests(SqliteDatabaseFixture database) : ServiceTests(database), IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kbo-runner-tests-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task ASecondImport_WhileOneRuns_IsRefused_AndTheFirstEndsWithItsResult_AndTheUploadIsDeleted()
    {
        using var runner = NewRunner();
        var changes = new List<KboImportRunState>();
        runner.Changed += state => { lock (changes) { changes.Add(state); } };
        var first = Upload(runner, "eerste.zip", 3_000);
        var second = Upload(runner, "tweede.zip", 10);

        var started = runner.Start(World.CentralAdmin, first);
        var refused = Assert.Throws<KboImportBusyException>(() => runner.Start(World.CentralAdmin, second));
        await runner.Completion;

        Assert.StartsWith("Er loopt al een KBO-import (eerste.zip, gestart door ", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(second), "the refused upload is deleted");
        Assert.False(Directory.Exists(Path.GetDirectoryName(first)), "the imported upload is deleted");
        Assert.Equal(started.RunId, runner.Current!.RunId);
        Assert.Equal(3_000, runner.Current.Result!.Import.Enterprises);
        Assert.Equal("eerste.zip", runner.Current.Result.Import.Source);
        lock (changes)
        {
            Assert.Contains(changes, c => c.Progress is { Phase: KboImportPhase.Loading });
            Assert.True(changes[^1].Finished);
        }

        // Once it ended, the next one may start.
        runner.Start(World.CentralAdmin, Upload(runner, "derde.zip", 10));
        await runner.Completion;
        Assert.Equal(10, runner.Current.Result!.Import.Enterprises);
    }

    [Fact]
    public async Task ARefusedExtract_EndsWithTheReason_AndDeletesTheUpload()
    {
        using var runner = NewRunner();
        var full = KboExtractGenerator.GenerateFull(Path.Combine(_temp.FullName, "full"), new KboGeneratorOptions { Enterprises = 20 });
        var path = runner.NewUploadPath("update.zip");
        KboExtractGenerator.GenerateUpdate(path, full.Path, new KboGeneratorOptions { Zip = true });

        runner.Start(World.CentralAdmin, path);
        await runner.Completion;

        Assert.StartsWith("Dit is een update-extract, maar er is nog nooit een volledig extract ingelezen", runner.Current!.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("aop-expert")]
    [InlineData("dfb-expert")]
    [InlineData("org-manager")]
    [InlineData("reader")]
    public void Start_ByAnyoneButCentralStaff_IsForbidden_AndDeletesTheUpload(string persona)
    {
        using var runner = NewRunner();
        var path = Upload(runner, "extract.zip", 10);

        Assert.Throws<ForbiddenException>(() => runner.Start(World.Personas[persona], path));

        Assert.Null(runner.Current);
        Assert.False(File.Exists(path));
    }

    private KboImportRunner NewRunner() =>
        new(Database.Services.GetRequiredService<KboImporter>(), TimeProvider.System, NullLogger<KboImportRunner>.Instance);

    private static string Upload(KboImportRunner runner, string name, int enterprises)
    {
        var path = runner.NewUploadPath(name);
        KboExtractGenerator.GenerateFull(path, new KboGeneratorOptions { Enterprises = enterprises, Zip = true });
        return path;
    }
}
