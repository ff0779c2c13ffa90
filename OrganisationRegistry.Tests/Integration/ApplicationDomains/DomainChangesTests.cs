using System.Text;
using FluentValidation;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Integration.ApplicationDomains.DomainReportScenario;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>The changes in a domain between two dates (entered, left, moved category), on every provider.</summary>
public abstract class DomainChangesTests(DatabaseFixture database) : DomainReportScenarioTests(database)
{
    [Fact]
    public async Task Changes_OverTheBoundary_AreEnteredLeftAndMoved_ByName()
    {
        var page = await Queries.SearchChangesAsync(Code, new DomainChangesSearch(new DomainChangesFilter(LastDay, FirstDay)), Ct);

        Assert.Equal(
            [
                (DomainChangeKind.Left, "Agentschap Einde", "iva-met-rp", (string?)null),
                (DomainChangeKind.Entered, "Agentschap Start", null, "iva-met-rp"),
                (DomainChangeKind.Moved, "Agentschap Verhuisd", "departement", "eva-privaat"),
                (DomainChangeKind.Left, "Zonder Begin", "departement", null),
            ],
            page.Items.Select(c => (c.Kind, c.Name, c.Before?.CategoryCode, c.After?.CategoryCode)));
        Assert.Equal(4, page.TotalCount);
        var moved = page.Items[2];
        Assert.Equal(new DomainChangeSide("departement", "Departement", new DateOnly(2019, 1, 1), LastDay), moved.Before);
        Assert.Equal(new DomainChangeSide("eva-privaat", "Privaatrechtelijk EVA", FirstDay, null), moved.After);
        Assert.Equal("0234.567.873", page.Items[1].KboNumber?.Formatted);
    }

    [Fact]
    public async Task Changes_IgnoreAnAssignmentThatBeganAndEndedBetweenTheDates()
    {
        var page = await Queries.SearchChangesAsync(Code, new DomainChangesSearch(new DomainChangesFilter(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 1))), Ct);

        Assert.DoesNotContain(page.Items, c => c.Name == "Agentschap Tussendoor");
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task Changes_IntoAPeriod_SeeItsStartOnItsFirstDay_NotTheDayBefore()
    {
        var intoPassing = await Queries.SearchChangesAsync(
            Code, new DomainChangesSearch(new DomainChangesFilter(new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1))), Ct);
        var notYet = await Queries.SearchChangesAsync(
            Code, new DomainChangesSearch(new DomainChangesFilter(new DateOnly(2024, 2, 28), new DateOnly(2024, 2, 29))), Ct);

        Assert.Equal([(DomainChangeKind.Entered, "Agentschap Tussendoor")], intoPassing.Items.Select(c => (c.Kind, c.Name)));
        Assert.Empty(notYet.Items);
    }

    [Fact]
    public async Task Changes_OnOneDate_AreNone()
    {
        var summary = await Queries.SummariseChangesAsync(Code, new DomainChangesFilter(LastDay, LastDay), Ct);
        var page = await Queries.SearchChangesAsync(Code, new DomainChangesSearch(new DomainChangesFilter(FirstDay, FirstDay)), Ct);

        Assert.Equal(0, summary!.Total);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Changes_WithTheDatesTheWrongWayRound_AreRefusedInDutch()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => Queries.SearchChangesAsync(Code, new DomainChangesSearch(new DomainChangesFilter(FirstDay, LastDay)), Ct));
        await Assert.ThrowsAsync<ValidationException>(() => Queries.SummariseChangesAsync(Code, new DomainChangesFilter(FirstDay, LastDay), Ct));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("To", error.PropertyName);
        Assert.Equal(
            "De einddatum (31/12/2024) ligt voor de begindatum (01/01/2025); kies een einddatum op of na de begindatum.",
            error.ErrorMessage);
    }

    [Fact]
    public async Task Summary_CountsPerKindAndPerCategory_WhateverTheKindFilter()
    {
        var summary = await Queries.SummariseChangesAsync(Code, new DomainChangesFilter(LastDay, FirstDay, DomainChangeKind.Moved), Ct);

        Assert.NotNull(summary);
        Assert.Equal((1, 2, 1, 4), (summary.Entered, summary.Left, summary.Moved, summary.Total));
        Assert.Equal(
            [
                ("departement", 0, 1, 0, 1),
                ("iva-met-rp", 1, 1, 0, 0),
                ("eva-privaat", 0, 0, 1, 0),
                ("oud", 0, 0, 0, 0),
                ("leeg", 0, 0, 0, 0),
            ],
            summary.Categories.Select(c => (c.Code, c.Entered, c.Left, c.MovedIn, c.MovedOut)));
        Assert.Null(await Queries.SummariseChangesAsync("bestaat-niet", new DomainChangesFilter(LastDay, FirstDay), Ct));
    }

    [Theory]
    [InlineData(DomainChangeKind.Entered, "Agentschap Start")]
    [InlineData(DomainChangeKind.Left, "Agentschap Einde,Zonder Begin")]
    [InlineData(DomainChangeKind.Moved, "Agentschap Verhuisd")]
    public async Task Changes_OfOneKind_KeepThatKindOnly(DomainChangeKind kind, string names)
    {
        var page = await Queries.SearchChangesAsync(Code, new DomainChangesSearch(new DomainChangesFilter(LastDay, FirstDay, kind)), Ct);

        Assert.Equal(names.Split(','), page.Items.Select(c => c.Name));
        Assert.All(page.Items, c => Assert.Equal(kind, c.Kind));
    }

    [Fact]
    public async Task Changes_ArePaged()
    {
        var filter = new DomainChangesFilter(LastDay, FirstDay);

        var second = await Queries.SearchChangesAsync(Code, new DomainChangesSearch(filter, Page: 2, PageSize: 3), Ct);

        Assert.Equal(["Zonder Begin"], second.Items.Select(c => c.Name));
        Assert.Equal((4, 2, 3), (second.TotalCount, second.Page, second.PageSize));
    }

    [Fact]
    public async Task ChangesCsv_HasBomDutchHeadersBothSidesAndDutchDates()
    {
        using var output = new MemoryStream();

        await Queries.WriteChangesCsvAsync(Code, new DomainChangesFilter(LastDay, FirstDay), output, Ct);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            [
                "Wijziging;OVO-code;Naam;Korte naam;KBO-nummer;Categorie op begindatum;Geldig vanaf (begindatum);Geldig tot (begindatum);Categorie op einddatum;Geldig vanaf (einddatum);Geldig tot (einddatum)",
                "Uitgetreden;OVO000002;Agentschap Einde;AE;;IVA met rechtspersoonlijkheid;01/01/2020;31/12/2024;;;",
                "Toegetreden;OVO000003;Agentschap Start;AS;0234.567.873;;;;IVA met rechtspersoonlijkheid;01/01/2025;",
                "Andere categorie;OVO000004;Agentschap Verhuisd;;;Departement;01/01/2019;31/12/2024;Privaatrechtelijk EVA;01/01/2025;",
                "Uitgetreden;OVO000006;Zonder Begin;;;Departement;;31/12/2024;;;",
                string.Empty,
            ],
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n"));
    }

    [Fact]
    public async Task ChangesCsv_ForAnUnknownDomain_IsTheHeaderOnly()
    {
        using var output = new MemoryStream();

        await Queries.WriteChangesCsvAsync("bestaat-niet", new DomainChangesFilter(LastDay, FirstDay), output, Ct);

        Assert.Equal(DomainChangesCsv.Header + "\r\n", Encoding.UTF8.GetString(output.ToArray().AsSpan(3)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DomainChangesTestsOnSqlite(SqliteDatabaseFixture database) : DomainChangesTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class DomainChangesTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DomainChangesTests(database);
