using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>The synchronisation view and applying it (<see cref="KboSyncQueries"/>, <see cref="KboSyncService"/>), on a real database.</summary>
public abstract class KboSyncTests(DatabaseFixture database) : ServiceTests(database)
{
    private static readonly string Renamed = KboNumber.FromBase(30_000_001).Digits;
    private static readonly string NewAbbreviation = KboNumber.FromBase(30_000_002).Digits;
    private static readonly string NewLegalForm = KboNumber.FromBase(30_000_003).Digits;
    private static readonly string Moved = KboNumber.FromBase(30_000_004).Digits;
    private static readonly string Unchanged = KboNumber.FromBase(30_000_005).Digits;
    private static readonly string Vanished = KboNumber.FromBase(30_000_006).Digits;
    private static readonly string Inactive = KboNumber.FromBase(30_000_007).Digits;

    private KboTestData Kbo => new(Database);

    private KboCouplingService Coupling => Database.Services.GetRequiredService<KboCouplingService>();

    private KboSyncService Sync => Database.Services.GetRequiredService<KboSyncService>();

    private async Task<KboSyncPage> ListAsync(int page = 1, int pageSize = 25)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KboSyncQueries>().ListAsync(page, pageSize, Ct);
    }

    private Task<Organisation> StoredAsync(string ovo) =>
        ReadAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.OvoCode == OvoCode.Parse(ovo), Ct));

    /// <summary>Seven coupled organisations (OVO000009..15), then a later extract that changes six of them.</summary>
    private async Task<KboImport> CoupledThenChangedAsync()
    {
        await Kbo.ImportAsync(extractNumber: 122, snapshotDate: new DateOnly(2026, 10, 1), finishedAt: new DateTimeOffset(2026, 10, 2, 6, 0, 0, TimeSpan.Zero), cancellationToken: Ct);
        await Kbo.CodesAsync(Ct);
        await Kbo.EnterprisesAsync(
            new KboSeed(Renamed, "Vlaamse Milieumaatschappij", "VMM"),
            new KboSeed(NewAbbreviation, "Aquafin"),
            new KboSeed(NewLegalForm, "Kind en Gezin"),
            new KboSeed(Moved, "De Lijn"),
            new KboSeed(Unchanged, "Vlaamse Landmaatschappij", "VLM"),
            new KboSeed(Vanished, "Oud Agentschap"),
            new KboSeed(Inactive, "Slapende Vzw", JuridicalForm: "017"));
        foreach (var number in new[] { Renamed, NewAbbreviation, NewLegalForm, Moved, Unchanged, Vanished, Inactive })
        {
            await Coupling.CreateFromKboAsync(World.CentralAdmin, new CreateOrganisationFromKbo(number, ValidFrom: new DateOnly(2000, 1, 1)), Ct);
        }

        await Kbo.ChangeAsync(
            async db =>
            {
                (await db.KboDenominations.SingleAsync(d => d.EntityNumber == Renamed && d.Type == KboDenomination.NameType, Ct)).Value = "Vlaamse Milieumaatschappij (VMM)";
                db.KboDenominations.Add(new KboDenomination { EntityNumber = NewAbbreviation, Type = KboDenomination.AbbreviationType, Language = "2", Value = "AQF" });
                (await db.KboEnterprises.SingleAsync(e => e.Number == NewLegalForm, Ct)).JuridicalForm = "017";
                (await db.KboAddresses.SingleAsync(a => a.EntityNumber == Moved, Ct)).HouseNumber = "90";
                db.KboEnterprises.Remove(await db.KboEnterprises.SingleAsync(e => e.Number == Vanished, Ct));
                (await db.KboEnterprises.SingleAsync(e => e.Number == Inactive, Ct)).Status = "ST";
            },
            Ct);
        return await Kbo.ImportAsync(KboImport.Update, 123, cancellationToken: Ct);
    }

    [Fact]
    public async Task List_WithoutAnyImport_SaysSo_AndListsNothing()
    {
        await StoreOrganisationAsync(45, "Gekoppeld zonder KBO-gegevens", KboNumber.Parse(Renamed));

        var page = await ListAsync();

        Assert.Null(page.Latest);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task List_ShowsEveryChangedFieldOldToNew_AndStoppedEnterprises_InOvoOrder_Paged()
    {
        await CoupledThenChangedAsync();

        var first = await ListAsync(pageSize: 4);
        var second = await ListAsync(page: 2, pageSize: 4);

        Assert.Equal((6, "extract 123 van 01/11/2026"), (first.TotalCount, first.Latest!.Description));
        var items = first.Items.Concat(second.Items).ToList();
        Assert.Equal(["OVO000009", "OVO000010", "OVO000011", "OVO000012", "OVO000014", "OVO000015"], items.Select(i => i.OvoCode.Value));
        Assert.Equal(new KboFieldChange("Naam", "Vlaamse Milieumaatschappij", "Vlaamse Milieumaatschappij (VMM)"), Assert.Single(items[0].Changes));
        Assert.Equal(new KboFieldChange("Korte naam", null, "AQF"), Assert.Single(items[1].Changes));
        Assert.Equal(new KboFieldChange("Rechtsvorm", "Openbare instelling", "Vereniging zonder winstoogmerk"), Assert.Single(items[2].Changes));
        Assert.Equal(new KboFieldChange("Maatschappelijke zetel", "Havenlaan 88, 1000 Brussel", "Havenlaan 90, 1000 Brussel"), Assert.Single(items[3].Changes));
        Assert.Equal((true, 0), (items[4].Stopped, items[4].Changes.Count));
        Assert.Equal((true, 0), (items[5].Stopped, items[5].Changes.Count));
        Assert.All(items[..4], i => Assert.False(i.Stopped));
    }

    [Fact]
    public async Task List_AfterOnlyUpdateExtracts_DoesNotTakeAnAbsentEnterpriseForStopped()
    {
        await Kbo.ImportAsync(KboImport.Update, 5, cancellationToken: Ct);
        await StoreOrganisationAsync(45, "Niet in de KBO-kopie", KboNumber.Parse(Vanished));

        Assert.Empty((await ListAsync()).Items);
    }

    [Fact]
    public async Task ApplyOne_TakesTheKboData_AtTheVersionSeen_AuditedWithTheExtract()
    {
        var import = await CoupledThenChangedAsync();
        var item = (await ListAsync()).Items[0];

        var saved = await Sync.ApplyAsync(World.CentralAdmin, new ApplyKboSync(item.OvoCode.Value, item.Version, import.Id), Ct);

        Assert.Equal("Vlaamse Milieumaatschappij (VMM)", (await StoredAsync(item.OvoCode.Value)).Name);
        Assert.Equal(item.Version + 1, saved.Version);
        var entry = await ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Position).LastAsync(Ct));
        Assert.Equal((item.OvoCode.Value, "KBO-synchronisatie (extract 123 van 01/11/2026)"), (entry.OrganisationOvoCode, entry.Reason));
        Assert.Equal(5, (await ListAsync()).TotalCount);
    }

    [Fact]
    public async Task ApplyOne_WithAStaleVersion_IsAConflict_AndNothingChanges()
    {
        var import = await CoupledThenChangedAsync();
        var item = (await ListAsync()).Items[1];
        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(item.OvoCode.Value, item.Version, "Aquafin", Description: "Gewijzigd"), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Sync.ApplyAsync(World.CentralAdmin, new ApplyKboSync(item.OvoCode.Value, item.Version, import.Id), Ct));

        Assert.Null((await StoredAsync(item.OvoCode.Value)).ShortName);
    }

    [Fact]
    public async Task ApplyOne_AfterANewerImport_IsAConflict_TheListMayHaveChanged()
    {
        var import = await CoupledThenChangedAsync();
        var item = (await ListAsync()).Items[0];
        await Kbo.ImportAsync(KboImport.Update, 124, finishedAt: new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero), cancellationToken: Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Sync.ApplyAsync(World.CentralAdmin, new ApplyKboSync(item.OvoCode.Value, item.Version, import.Id), Ct));

        Assert.StartsWith("Intussen werd een ander KBO-extract ingelezen", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAll_TakesEveryDifference_EndsStoppedOnesOnTheSnapshotDate_AsOneAuditedBatch()
    {
        var import = await CoupledThenChangedAsync();
        var position = await ReadAsync(db => db.AuditEntries.MaxAsync(e => e.Position, Ct));

        var result = await Sync.ApplyAllAsync(World.CentralAdmin, new ApplyAllKboSync(import.Id), Ct);

        Assert.Equal((4, 2, "KBO-synchronisatie (extract 123 van 01/11/2026)"), (result.Updated, result.Stopped, result.Reason));
        Assert.Empty((await ListAsync()).Items);
        var stopped = await StoredAsync("OVO000014");
        Assert.Equal((KboTestData.SnapshotDate, KboTestData.SnapshotDate), (stopped.KboStoppedOn, stopped.ValidTo));
        Assert.Equal(("AQF", "Havenlaan 90, 1000 Brussel"), ((await StoredAsync("OVO000010")).ShortName, (await StoredAsync("OVO000012")).RegisteredSeat));
        var entries = await ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Position > position).ToListAsync(Ct));
        Assert.Equal(6, entries.Count);
        Assert.Single(entries.Select(e => e.CorrelationId).Distinct());
        Assert.All(entries, e => Assert.Equal(result.Reason, e.Reason));
    }

    [Fact]
    public async Task ApplyAll_WhenOneOrganisationCannotTakeTheStop_AppliesNothing_AndNamesIt()
    {
        var import = await CoupledThenChangedAsync();
        var late = (await StoredAsync("OVO000015")).Version;
        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation("OVO000015", late, "Slapende Vzw", ValidFrom: new DateOnly(2026, 12, 1)), Ct);
        var before = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Sync.ApplyAllAsync(World.CentralAdmin, new ApplyAllKboSync(import.Id), Ct));

        Assert.Contains("OVO000015 begint pas op 01/12/2026, na de stopzetting van de onderneming op 01/11/2026", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("Niets toegepast: 1 organisatie(s)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(null, "2026-11-01")]
    [InlineData("2026-12-31", "2026-11-01")]
    [InlineData("2026-11-02", "2026-11-01")]
    [InlineData("2026-11-01", "2026-11-01")]
    public async Task ApplyStop_EndsTheValidityOnTheSnapshotDate_WhenOpenOrLater(string? validTo, string expected)
    {
        var import = await CoupledThenChangedAsync();
        var organisation = await StoredAsync("OVO000014");
        if (validTo is not null)
        {
            await World.Organisations.UpdateAsync(
                World.CentralAdmin, new UpdateOrganisation("OVO000014", organisation.Version, organisation.Name, ValidFrom: new DateOnly(2000, 1, 1), ValidTo: DateOnly.Parse(validTo, System.Globalization.CultureInfo.InvariantCulture)), Ct);
        }

        var item = (await ListAsync()).Items.Single(i => i.OvoCode.Value == "OVO000014");
        await Sync.ApplyAsync(World.CentralAdmin, new ApplyKboSync("OVO000014", item.Version, import.Id), Ct);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (await StoredAsync("OVO000014")).ValidTo);
    }

    [Fact]
    public async Task ApplyStop_OfAnOrganisationEndedBeforeTheSnapshotDate_IsNotListed_ItIsHistory()
    {
        await CoupledThenChangedAsync();
        var organisation = await StoredAsync("OVO000014");

        await World.Organisations.UpdateAsync(
            World.CentralAdmin, new UpdateOrganisation("OVO000014", organisation.Version, organisation.Name, ValidFrom: new DateOnly(2000, 1, 1), ValidTo: new DateOnly(2026, 10, 31)), Ct);

        Assert.DoesNotContain((await ListAsync()).Items, i => i.OvoCode.Value == "OVO000014");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KboSyncTestsOnSqlite(SqliteDatabaseFixture database) : KboSyncTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class KboSyncTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KboSyncTests(database);
