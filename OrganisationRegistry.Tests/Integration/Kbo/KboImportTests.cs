using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>
/// The KBO import (<see cref="KboImporter"/>) of generated extracts in the real format, full and update, from a folder
/// and from a zip: what is kept and what is skipped, malformed rows reported and skipped, idempotency, the order of an
/// update's deletes and inserts, refusals that write nothing, rights, and the audited record of the import.
/// </summary>
public abstract class KboImportTests(DatabaseFixture database) : ServiceTests(database), IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kbo-import-tests-");

    private KboImporter Importer => Database.Services.GetRequiredService<KboImporter>();

    public void Dispose()
    {
        _temp.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Full_FromAFolder_KeepsEnterprisesNamesRegisteredSeatsAndCodes_AndSkipsEstablishments()
    {
        var extract = GenerateFull("full", new KboGeneratorOptions { Enterprises = 1_500 });
        var progress = new ListProgress();

        var result = await Importer.ImportAsync(World.CentralAdmin, extract.Path, progress, Ct);

        Assert.Empty(result.Skipped);
        Assert.Equal(
            (extract.Enterprises, extract.Denominations, extract.Addresses, extract.Codes, 0),
            (result.Import.Enterprises, result.Import.Denominations, result.Import.Addresses, result.Import.Codes, result.Import.SkippedRows));
        Assert.Equal((KboImport.Full, 140, new DateOnly(2026, 11, 21), "full"), (result.Import.ExtractType, result.Import.ExtractNumber, result.Import.SnapshotDate, result.Import.Source));
        Assert.True(extract.Establishments > 50, "the extract has establishments to skip");
        Assert.Equal(extract.Enterprises, await CountAsync<KboEnterprise>());
        Assert.Equal(extract.Denominations, await CountAsync<KboDenomination>());
        Assert.Equal(extract.Addresses, await CountAsync<KboAddress>());
        Assert.Equal(KboExtractGenerator.KeptCodes, await CountAsync<KboCode>());
        Assert.False(await ReadAsync(db => db.KboDenominations.AnyAsync(d => d.EntityNumber.StartsWith("2") || d.Type == "003", Ct)));
        Assert.False(await ReadAsync(db => db.KboAddresses.AnyAsync(a => a.EntityNumber.StartsWith("2"), Ct)));

        var sample = extract.Samples[0];
        var names = await ReadAsync(db => db.KboDenominations.Where(d => d.EntityNumber == sample.Number).OrderBy(d => d.Type).ThenBy(d => d.Language).ToListAsync(Ct));
        Assert.Equal(sample.Name, names.First(n => n.Type == KboDenomination.NameType).Value);
        Assert.Equal(sample.Abbreviation, names.FirstOrDefault(n => n.Type == KboDenomination.AbbreviationType)?.Value);
        var seat = await ReadAsync(db => db.KboAddresses.SingleAsync(a => a.EntityNumber == sample.Number, Ct));
        Assert.Equal(sample.Street, $"{seat.StreetNL}|{seat.HouseNumber}");
        Assert.Equal(sample.Municipality, $"{seat.Zipcode}|{seat.MunicipalityNL}|{seat.MunicipalityFR}");
        Assert.Equal("Openbare instelling", await ReadAsync(db => db.KboCodes.Where(c => c.Category == "JuridicalForm" && c.Code == "124" && c.Language == "NL").Select(c => c.Description).SingleAsync(Ct)));

        // Resolved into the enterprise's own columns at the end of the import: what coupling and the sync view read.
        var resolved = await ReadAsync(db => db.KboEnterprises.SingleAsync(e => e.Number == sample.Number, Ct));
        var expectedName = names.Where(n => n.Type == KboDenomination.NameType).OrderBy(n => n.Language switch { "2" => 0, "1" => 1, "3" => 2, "4" => 3, _ => 4 }).First().Value;
        Assert.Equal(expectedName, resolved.Name);
        Assert.StartsWith($"{seat.StreetNL} {seat.HouseNumber}", resolved.RegisteredSeat, StringComparison.Ordinal);
        Assert.Contains($"{seat.Zipcode} {seat.MunicipalityNL}", resolved.RegisteredSeat, StringComparison.Ordinal);

        Assert.Contains(progress.Reports, p => p.Phase == KboImportPhase.Loading && p.File == "denomination.csv");
        Assert.Equal(KboImportPhase.Done, progress.Reports[^1].Phase);
        Assert.Equal(progress.Reports[^1].TotalBytes, progress.Reports[^1].BytesRead);
    }

    [Fact]
    public async Task Full_FromAZip_GivesTheSameCopyAsFromAFolder_WithTheZipsNameAsSource()
    {
        var options = new KboGeneratorOptions { Enterprises = 800, Seed = 7 };
        var folder = GenerateFull("folder", options);
        var zip = GenerateFull("KboOpenData_0140_2026_11_Full.zip", options with { Zip = true });
        Assert.True(File.Exists(zip.Path));

        await Importer.ImportAsync(World.CentralAdmin, folder.Path, cancellationToken: Ct);
        var fromFolder = await MirrorAsync();
        var result = await Importer.ImportAsync(World.CentralAdmin, zip.Path, cancellationToken: Ct);

        Assert.Equal("KboOpenData_0140_2026_11_Full.zip", result.Import.Source);
        Assert.Equal(fromFolder, await MirrorAsync());
    }

    [Fact]
    public async Task Full_WithMalformedRowsOfEveryKind_ReportsEachWithFileAndLine_SkipsThem_AndLoadsTheRest()
    {
        var extract = GenerateFull("malformed", new KboGeneratorOptions { Enterprises = 500, Malformed = true });

        var result = await Importer.ImportAsync(World.CentralAdmin, extract.Path, cancellationToken: Ct);

        Assert.Equal(extract.Malformed.Count, result.Import.SkippedRows);
        Assert.Equal(extract.Malformed.Count, result.Skipped.Count);
        foreach (var expected in extract.Malformed)
        {
            Assert.Contains(result.Skipped, s => s.File == expected.File && s.Reason.Contains(expected.ExpectedReason, StringComparison.Ordinal) && s.Line > 1);
        }

        Assert.Equal((extract.Enterprises, extract.Denominations, extract.Addresses), (result.Import.Enterprises, result.Import.Denominations, result.Import.Addresses));
        Assert.Equal(extract.Enterprises, await CountAsync<KboEnterprise>());
        var report = await ReadAsync(db => db.KboImports.Select(i => i.Report).SingleAsync(Ct));
        Assert.Contains($"enterprise.csv, regel {extract.Enterprises + 4}: ondernemingsnummer: ", report, StringComparison.Ordinal);
        Assert.Contains("controlegetal klopt niet", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_ImportedTwice_GivesTheSameCopy()
    {
        var extract = GenerateFull("full", new KboGeneratorOptions { Enterprises = 700 });

        await Importer.ImportAsync(World.CentralAdmin, extract.Path, cancellationToken: Ct);
        var once = await MirrorAsync();
        await Importer.ImportAsync(World.CentralAdmin, extract.Path, cancellationToken: Ct);

        Assert.Equal(once, await MirrorAsync());
        Assert.Equal(2, await CountAsync<KboImport>());
    }

    [Fact]
    public async Task Update_AppliesDeletesThenInserts_StoppedGone_NewAdded_NamesChanged()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 2_000 });
        var update = KboExtractGenerator.GenerateUpdate(Path.Combine(_temp.FullName, "update.zip"), full.Path, new KboGeneratorOptions { Seed = 3, Zip = true });
        await Importer.ImportAsync(World.CentralAdmin, full.Path, cancellationToken: Ct);

        var result = await Importer.ImportAsync(World.CentralAdmin, update.Path, cancellationToken: Ct);

        Assert.Empty(result.Skipped);
        Assert.Equal((KboImport.Update, 141, update.Deleted), (result.Import.ExtractType, result.Import.ExtractNumber, result.Import.Deleted));
        Assert.Equal(full.Enterprises - update.Stopped.Count + update.Added.Count, await CountAsync<KboEnterprise>());
        Assert.Equal(full.Addresses - update.Stopped.Count + update.Added.Count, await CountAsync<KboAddress>());
        var stopped = update.Stopped.ToList();
        Assert.False(await ReadAsync(db => db.KboEnterprises.AnyAsync(e => stopped.Contains(e.Number), Ct)));
        Assert.False(await ReadAsync(db => db.KboDenominations.AnyAsync(d => stopped.Contains(d.EntityNumber), Ct)));
        var added = update.Added[0];
        Assert.Equal("2", await ReadAsync(db => db.KboEnterprises.Where(e => e.Number == added).Select(e => e.TypeOfEnterprise).SingleAsync(Ct)));

        // A name change deletes all names of the enterprise and inserts the new set: the old names are gone.
        var renamed = update.Samples.First(s => s.Name.EndsWith(" Nieuw", StringComparison.Ordinal) && !update.Added.Contains(s.Number));
        var names = await ReadAsync(db => db.KboDenominations.Where(d => d.EntityNumber == renamed.Number && d.Type == KboDenomination.NameType).Select(d => d.Value).ToListAsync(Ct));
        Assert.Equal([renamed.Name], names);

        // The legal data the register uses is resolved again after the update: the new name, as coupling reads it.
        Assert.Equal(renamed.Name, await ReadAsync(db => db.KboEnterprises.Where(e => e.Number == renamed.Number).Select(e => e.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Update_AppliedTwice_GivesTheSameCopy()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 1_000 });
        var update = KboExtractGenerator.GenerateUpdate(Path.Combine(_temp.FullName, "update"), full.Path, new KboGeneratorOptions { Seed = 5 });
        await Importer.ImportAsync(World.CentralAdmin, full.Path, cancellationToken: Ct);

        await Importer.ImportAsync(World.CentralAdmin, update.Path, cancellationToken: Ct);
        var once = await MirrorAsync();
        await Importer.ImportAsync(World.CentralAdmin, update.Path, cancellationToken: Ct);

        Assert.Equal(once, await MirrorAsync());
    }

    [Fact]
    public async Task Update_InsertOfAnExistingKey_ReplacesTheRow()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 300 });
        await Importer.ImportAsync(World.CentralAdmin, full.Path, cancellationToken: Ct);
        var number = full.Samples[0].Number;
        var update = Directory.CreateDirectory(Path.Combine(_temp.FullName, "replace")).FullName;
        WriteUpdate(update, 141, enterpriseInsert: $"\"{KboNumber.Parse(number).Formatted}\",\"AC\",\"000\",\"2\",\"124\",\"\",\"01-01-1990\"");

        await Importer.ImportAsync(World.CentralAdmin, update, cancellationToken: Ct);

        var enterprise = await ReadAsync(db => db.KboEnterprises.SingleAsync(e => e.Number == number, Ct));
        Assert.Equal(("124", new DateOnly(1990, 1, 1)), (enterprise.JuridicalForm, enterprise.StartDate));
        Assert.Equal(full.Enterprises, await CountAsync<KboEnterprise>());
    }

    [Fact]
    public async Task Update_OlderThanTheLastExtract_IsRefused_AndWritesNothing()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 300, ExtractNumber = 150 });
        await Importer.ImportAsync(World.CentralAdmin, full.Path, cancellationToken: Ct);
        var before = await MirrorAsync();
        var old = KboExtractGenerator.GenerateUpdate(Path.Combine(_temp.FullName, "old"), full.Path, new KboGeneratorOptions { ExtractNumber = 149 });

        var refused = await Assert.ThrowsAsync<KboExtractException>(() => Importer.ImportAsync(World.CentralAdmin, old.Path, cancellationToken: Ct));

        Assert.Equal(
            "Dit update-extract heeft nummer 149, ouder dan het laatst ingelezen extract (nummer 150): het zou nieuwere gegevens overschrijven. Er is niets gewijzigd.",
            refused.Message);
        Assert.Equal(before, await MirrorAsync());
        Assert.Equal(1, await CountAsync<KboImport>());

        // The same number again is allowed (idempotent).
        var same = KboExtractGenerator.GenerateUpdate(Path.Combine(_temp.FullName, "same"), full.Path, new KboGeneratorOptions { ExtractNumber = 150 });
        await Importer.ImportAsync(World.CentralAdmin, same.Path, cancellationToken: Ct);
        Assert.Equal(2, await CountAsync<KboImport>());
    }

    [Fact]
    public async Task Update_WithoutAFullExtractBefore_IsRefused()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 100 });
        var update = KboExtractGenerator.GenerateUpdate(Path.Combine(_temp.FullName, "update"), full.Path, new KboGeneratorOptions());

        var refused = await Assert.ThrowsAsync<KboExtractException>(() => Importer.ImportAsync(World.CentralAdmin, update.Path, cancellationToken: Ct));

        Assert.StartsWith("Dit is een update-extract, maar er is nog nooit een volledig extract ingelezen", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<KboEnterprise>());
        Assert.Equal(0, await CountAsync<KboImport>());
    }

    [Theory]
    [InlineData("meta.csv", "Het extract bevat geen meta.csv")]
    [InlineData("address.csv", "Het extract bevat geen address.csv")]
    [InlineData("code.csv", "Het extract bevat geen code.csv")]
    public async Task Full_WithoutARequiredFile_IsRefused_AndWritesNothing(string file, string message)
    {
        var first = GenerateFull("first", new KboGeneratorOptions { Enterprises = 200, Seed = 1 });
        await Importer.ImportAsync(World.CentralAdmin, first.Path, cancellationToken: Ct);
        var before = await MirrorAsync();
        var broken = GenerateFull("broken", new KboGeneratorOptions { Enterprises = 200, Seed = 2 });
        File.Delete(Path.Combine(broken.Path, file));

        var refused = await Assert.ThrowsAsync<KboExtractException>(() => Importer.ImportAsync(World.CentralAdmin, broken.Path, cancellationToken: Ct));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await MirrorAsync());
        Assert.Equal(1, await CountAsync<KboImport>());
    }

    [Theory]
    [InlineData("\"ExtractType\",\"weekly\"", "meta.csv is ongeldig: ExtractType is 'weekly', verwacht 'full' of 'update'. Er is niets gewijzigd.")]
    [InlineData("\"ExtractNumber\",\"x12\"", "meta.csv is ongeldig: ExtractNumber is 'x12', verwacht een getal. Er is niets gewijzigd.")]
    [InlineData("\"SnapshotDate\",\"2026-11-21\"", "meta.csv is ongeldig: SnapshotDate is '2026-11-21', verwacht een datum dd-mm-jjjj. Er is niets gewijzigd.")]
    public async Task Full_WithAnInvalidMeta_IsRefused(string line, string message)
    {
        var extract = GenerateFull("full", new KboGeneratorOptions { Enterprises = 100 });
        var meta = Path.Combine(extract.Path, "meta.csv");
        var variable = line.Split(',')[0];
        File.WriteAllLines(meta, [.. File.ReadAllLines(meta).Select(l => l.StartsWith(variable, StringComparison.Ordinal) ? line : l)]);

        var refused = await Assert.ThrowsAsync<KboExtractException>(() => Importer.ImportAsync(World.CentralAdmin, extract.Path, cancellationToken: Ct));

        Assert.Equal(message, refused.Message);
        Assert.Equal(0, await CountAsync<KboEnterprise>());
    }

    [Fact]
    public async Task AFailureHalfway_LeavesThePreviousCopyIntact()
    {
        var first = GenerateFull("first", new KboGeneratorOptions { Enterprises = 300, Seed = 1 });
        await Importer.ImportAsync(World.CentralAdmin, first.Path, cancellationToken: Ct);
        var before = await MirrorAsync();

        // The addresses are read after the enterprises and names were already written in the transaction.
        var broken = GenerateFull("broken", new KboGeneratorOptions { Enterprises = 300, Seed = 2 });
        var address = Path.Combine(broken.Path, "address.csv");
        File.WriteAllLines(address, ["\"EntityNumber\",\"Type\"", .. File.ReadAllLines(address).Skip(1)]);

        var refused = await Assert.ThrowsAsync<KboExtractException>(() => Importer.ImportAsync(World.CentralAdmin, broken.Path, cancellationToken: Ct));

        Assert.StartsWith("address.csv heeft niet de verwachte kolommen", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await MirrorAsync());
        Assert.Equal(1, await CountAsync<KboImport>());
    }

    public static TheoryData<string, bool> Personas => new()
    {
        { DevelopmentPersonas.CentralAdmin.Key, true },
        { DevelopmentPersonas.AopExpert.Key, false },
        { DevelopmentPersonas.DfbExpert.Key, false },
        { DevelopmentPersonas.OrganisationManager.Key, false },
        { DevelopmentPersonas.Reader.Key, false },
    };

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Import_OnlyCentralAdministrators(string persona, bool allowed)
    {
        var extract = GenerateFull("full", new KboGeneratorOptions { Enterprises = 50 });

        if (allowed)
        {
            await Importer.ImportAsync(World.Personas[persona], extract.Path, cancellationToken: Ct);
            Assert.Equal(extract.Enterprises, await CountAsync<KboEnterprise>());
        }
        else
        {
            var denied = await Assert.ThrowsAsync<ForbiddenException>(() => Importer.ImportAsync(World.Personas[persona], extract.Path, cancellationToken: Ct));
            Assert.Equal(RegistryRight.CoupleKbo, denied.Right);
            Assert.Equal(0, await CountAsync<KboEnterprise>());
            Assert.Equal(0, await CountAsync<KboImport>());
        }
    }

    [Fact]
    public async Task TheImport_IsAudited_AsAnImportByTheUser_WithTheExtractAsReason_ButNotItsMirrorRows()
    {
        var extract = GenerateFull("KboOpenData_0140_Full", new KboGeneratorOptions { Enterprises = 100 });
        var before = await ReadAsync(db => db.AuditEntries.CountAsync(Ct));

        var result = await Importer.ImportAsync(World.CentralAdmin, extract.Path, cancellationToken: Ct);

        var entries = await ReadAsync(db => db.AuditEntries.OrderBy(e => e.Position).Skip(before).ToListAsync(Ct));
        var entry = Assert.Single(entries);
        Assert.Equal((nameof(KboImport), AuditOperation.Insert, AuditChannel.Import), (entry.EntityType, entry.Operation, entry.Channel));
        Assert.Equal(World.CentralAdmin.DisplayName, entry.ActorName);
        Assert.Equal("KBO-extract KboOpenData_0140_Full (full nr. 140, toestand 21/11/2026)", entry.Reason);

        var history = new KboImportHistory(Database.Contexts);
        var latest = await history.LatestAsync(Ct);
        Assert.Equal((result.Import.Id, World.CentralAdmin.DisplayName), (latest!.Id, latest.ImportedBy));
    }

    [Fact]
    public async Task History_IsNewestFirst_APageAtATime()
    {
        var full = GenerateFull("full", new KboGeneratorOptions { Enterprises = 50 });
        for (var i = 0; i < 3; i++)
        {
            await Importer.ImportAsync(World.CentralAdmin, full.Path, cancellationToken: Ct);
        }

        var history = new KboImportHistory(Database.Contexts);
        var (first, total) = await history.PageAsync(0, 2, Ct);
        var (second, _) = await history.PageAsync(1, 2, Ct);

        Assert.Equal(3, total);
        Assert.Equal(2, first.Count);
        Assert.Single(second);
        Assert.True(first[0].FinishedAt >= first[1].FinishedAt && first[1].FinishedAt >= second[0].FinishedAt);
    }

    private KboGeneratedExtract GenerateFull(string name, KboGeneratorOptions options) =>
        KboExtractGenerator.GenerateFull(Path.Combine(_temp.FullName, name), options);

    private static void WriteUpdate(string folder, int number, string enterpriseInsert)
    {
        File.WriteAllLines(Path.Combine(folder, "meta.csv"), ["\"Variable\",\"Value\"", "\"SnapshotDate\",\"22-11-2026\"", "\"ExtractType\",\"update\"", $"\"ExtractNumber\",\"{number}\""]);
        File.WriteAllLines(Path.Combine(folder, "enterprise_delete.csv"), ["\"EnterpriseNumber\""]);
        File.WriteAllLines(Path.Combine(folder, "enterprise_insert.csv"), ["\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"", enterpriseInsert]);
        foreach (var table in new[] { "denomination", "address" })
        {
            File.WriteAllLines(Path.Combine(folder, $"{table}_delete.csv"), ["\"EntityNumber\""]);
        }

        File.WriteAllLines(Path.Combine(folder, "denomination_insert.csv"), ["\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\""]);
        File.WriteAllLines(
            Path.Combine(folder, "address_insert.csv"),
            ["\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\""]);
    }

    /// <summary>The whole mirror as text, in key order.</summary>
    private Task<List<string>> MirrorAsync() => ReadAsync(async db =>
    {
        var rows = new List<string>();
        rows.AddRange((await db.KboEnterprises.AsNoTracking().ToListAsync(Ct)).OrderBy(e => e.Number, StringComparer.Ordinal)
            .Select(e => $"E {e.Number} {e.Status} {e.JuridicalSituation} {e.TypeOfEnterprise} {e.JuridicalForm} {e.JuridicalFormCac} {e.StartDate}"));
        rows.AddRange((await db.KboDenominations.AsNoTracking().ToListAsync(Ct)).OrderBy(d => (d.EntityNumber, d.Type, d.Language))
            .Select(d => $"D {d.EntityNumber} {d.Type} {d.Language} {d.Value}"));
        rows.AddRange((await db.KboAddresses.AsNoTracking().ToListAsync(Ct)).OrderBy(a => a.EntityNumber, StringComparer.Ordinal)
            .Select(a => $"A {a.EntityNumber} {a.Zipcode} {a.MunicipalityNL} {a.StreetNL} {a.HouseNumber} {a.DateStrikingOff}"));
        rows.AddRange((await db.KboCodes.AsNoTracking().ToListAsync(Ct)).OrderBy(c => (c.Category, c.Code, c.Language)).Select(c => $"C {c.Category} {c.Code} {c.Language} {c.Description}"));
        return rows;
    });

    private sealed class ListProgress : IProgress<KboImportProgress>
    {
        public List<KboImportProgress> Reports { get; } = [];

        public void Report(KboImportProgress value) => Reports.Add(value);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KboImportTestsOnSqlite(SqliteDatabaseFixture database) : KboImportTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class KboImportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KboImportTests(database);
