using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrganisationRegistry.Admin.Kbo;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using KboPage = OrganisationRegistry.Admin.Components.Pages.Kbo.KboImports;

namespace OrganisationRegistry.Tests.Components;

/// <summary>
/// The KBO page (<c>/beheer/kbo</c>): the state of the copy, uploading a zip that the runner imports in the background
/// with the page following its progress live, the result with its skipped rows, refusals, and the history.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class KboImportPageTests : BunitTestBase, IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kbo-page-tests-");

    public KboImportPageTests(SqliteDatabaseFixture database)
        : base(database)
    {
        Services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KboPage.MaxUploadBytesKey] = "5000000" }).Build());
        Services.AddSingleton<KboImportRunner>();
    }

    private KboImportRunner Runner => Services.GetRequiredService<KboImportRunner>();

    public new void Dispose()
    {
        _temp.Delete(recursive: true);
        base.Dispose();
    }

    [Fact]
    public async Task WithoutImports_SaysSo_AndLinksToTheSynchronisation()
    {
        await SignInAsync(DevelopmentPersonas.CentralAdmin);

        var page = Render<KboPage>();

        page.WaitForAssertion(() => Assert.Contains("Er is nog geen KBO-extract ingelezen.", page.Find("#kbo-stand").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/beheer/kbo/synchronisatie");
        Assert.Contains("hoogstens 4,8 MiB", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Zip-bestand kiezen en inlezen", page.Find("#kbo-kiezen").TextContent.Trim());
    }

    [Fact]
    public async Task UploadingAZip_ImportsItInTheBackground_AndThePageShowsTheResultLive_WithSkippedRowsStateAndHistory()
    {
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var zip = Path.Combine(_temp.FullName, "KboOpenData_0140_Full.zip");
        KboExtractGenerator.GenerateFull(zip, new KboGeneratorOptions { Enterprises = 1_200, Malformed = true, Zip = true });
        var page = Render<KboPage>();
        page.WaitForAssertion(() => page.Find("#kbo-stand"), LoadTimeout);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(zip, CancellationToken), "KboOpenData_0140_Full.zip"));

        page.WaitForAssertion(() => Assert.Contains("KboOpenData_0140_Full.zip is ingelezen in", page.Find("#kbo-resultaat").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await Runner.Completion;
        var result = page.Find("#kbo-resultaat").TextContent;
        Assert.Contains("1.200 ondernemingen", result, StringComparison.Ordinal);
        Assert.Contains("13 rijen overgeslagen", result, StringComparison.Ordinal);
        var skipped = page.FindAll("#kbo-overgeslagen li").Select(li => li.TextContent).ToList();
        Assert.Equal(13, skipped.Count);
        Assert.Contains(skipped, s => s.StartsWith("enterprise.csv, regel 1204: ondernemingsnummer: ", StringComparison.Ordinal) && s.Contains("controlegetal klopt niet", StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Volledig extract nr. 140, toestand op 21/11/2026", page.Find("#kbo-stand").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains($"door {admin.DisplayName}", page.Find("#kbo-stand").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.200 ondernemingen", page.Find("#kbo-stand").TextContent, StringComparison.Ordinal);
        var row = Assert.Single(page.FindAll("tbody tr"));
        Assert.Contains("KboOpenData_0140_Full.zip", row.TextContent, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateDirectories(Path.GetTempPath(), "kbo-upload-*").Any(d => File.Exists(Path.Combine(d, "KboOpenData_0140_Full.zip"))), "the upload is deleted");
    }

    [Fact]
    public async Task WhileAnImportRuns_ThePageShowsItsProgress_AndRefusesAnotherUpload()
    {
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var path = Runner.NewUploadPath("groot.zip");
        KboExtractGenerator.GenerateFull(path, new KboGeneratorOptions { Enterprises = 60_000, Zip = true });
        Runner.Start(admin, path);

        // The page opened while the run goes on (as after navigating away and back) shows it and follows it.
        var page = Render<KboPage>();
        page.WaitForAssertion(() => Assert.Contains("groot.zip", page.Find("#kbo-voortgang").TextContent, StringComparison.Ordinal), LoadTimeout);
        var whileRunning = page.Find("#kbo-voortgang").TextContent;
        var uploadDisabled = page.Find("#kbo-kiezen").HasAttribute("disabled");
        await Runner.Completion;

        Assert.True(Runner.Current!.Result is not null, Runner.Current.Error);
        Assert.True(whileRunning.Contains("groot.zip:", StringComparison.Ordinal) || whileRunning.Contains("wordt ingelezen", StringComparison.Ordinal) || whileRunning.Contains("is ingelezen", StringComparison.Ordinal), whileRunning);
        Assert.True(uploadDisabled || Runner.Current.Finished);
        page.WaitForAssertion(() => Assert.Contains("groot.zip is ingelezen", page.Find("#kbo-resultaat").TextContent, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task UploadingAFileThatIsNoZipOrTooLarge_IsRefused_WithoutImporting()
    {
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var page = Render<KboPage>();
        page.WaitForAssertion(() => page.Find("#kbo-stand"), LoadTimeout);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("EnterpriseNumber", "enterprise.csv"));
        page.WaitForAssertion(() => Assert.Equal("enterprise.csv is geen zip-bestand. Kies het extract zoals de KBO het aanbiedt (.zip).", page.Find("#kbo-fout").TextContent.Trim()), LoadTimeout);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[5_000_001], "groot.zip"));
        page.WaitForAssertion(() => Assert.StartsWith("groot.zip is te groot", page.Find("#kbo-fout").TextContent.Trim(), StringComparison.Ordinal), LoadTimeout);
        Assert.Null(Runner.Current);
    }
}
