using System.Text;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Integration.ApplicationDomains.DomainReportScenario;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>The report "who falls under the domain on date X, per category", around period boundaries, on every provider.</summary>
public abstract class DomainReportTests(DatabaseFixture database) : DomainReportScenarioTests(database)
{
    [Fact]
    public async Task Report_OnTheLastDayOfPeriods_CountsThoseEndingThatDay_NotThoseStartingTheNext()
    {
        var report = await Queries.ReportAsync(Code, LastDay, Ct);

        Assert.NotNull(report);
        Assert.Equal((Code, Name, LastDay), (report.DomainCode, report.DomainName, report.On));
        Assert.Equal(
            [("departement", 3), ("iva-met-rp", 1), ("eva-privaat", 0), ("oud", 1)],
            report.Categories.Select(c => (c.Code, c.Count)));
        Assert.Equal(5, report.Total);
    }

    [Fact]
    public async Task Report_OnTheFirstDayOfPeriods_CountsThoseStartingThatDay_NotThoseEndedTheDayBefore()
    {
        var report = await Queries.ReportAsync(Code, FirstDay, Ct);

        Assert.Equal(
            [("departement", 1), ("iva-met-rp", 1), ("eva-privaat", 1), ("oud", 1)],
            report!.Categories.Select(c => (c.Code, c.Count)));
        Assert.Equal(4, report.Total);
    }

    [Fact]
    public async Task Report_ListsEveryActiveCategory_AndInactiveOnesOnlyWhileTheyHoldMembers()
    {
        var report = await Queries.ReportAsync(Code, new DateOnly(1990, 1, 1), Ct);

        // Open start dates: Departement Omgeving, Zonder Begin and the old service were members then already.
        Assert.Equal(
            [("departement", true, 2), ("iva-met-rp", true, 0), ("eva-privaat", true, 0), ("oud", false, 1)],
            report!.Categories.Select(c => (c.Code, c.IsActive, c.Count)));
        Assert.DoesNotContain(report.Categories, c => c.Code == "leeg");
    }

    [Fact]
    public async Task Report_InThePassingMembersPeriod_CountsIt()
    {
        var report = await Queries.ReportAsync(Code, new DateOnly(2024, 6, 30), Ct);

        Assert.Equal(2, report!.Categories.Single(c => c.Code == "iva-met-rp").Count);
    }

    [Fact]
    public async Task Report_OfAnUnknownDomain_IsNull()
    {
        Assert.Null(await Queries.ReportAsync("bestaat-niet", LastDay, Ct));
    }

    [Fact]
    public async Task Members_ByCategory_AreInCategoryOrderThenByName_WithTheirPeriods()
    {
        var page = await Queries.SearchMembersAsync(Code, new DomainMemberSearch(new DomainMemberFilter(LastDay), DomainMemberSort.Category), Ct);

        Assert.Equal(
            [
                ("departement", "Agentschap Verhuisd"), ("departement", "Departement Omgeving"), ("departement", "Zonder Begin"),
                ("iva-met-rp", "Agentschap Einde"), ("oud", OldServiceName),
            ],
            page.Items.Select(m => (m.CategoryCode, m.Name)));
        Assert.Equal(5, page.TotalCount);
        var moved = page.Items[0];
        Assert.Equal(((DateOnly?)new DateOnly(2019, 1, 1), (DateOnly?)LastDay), (moved.ValidFrom, moved.ValidTo));
        Assert.Equal(((DateOnly?)null, (DateOnly?)LastDay), (page.Items[2].ValidFrom, page.Items[2].ValidTo));
    }

    [Fact]
    public async Task MembersCsv_ByCategory_HasACategoryColumn_DutchDates_AndDefusedText()
    {
        using var output = new MemoryStream();

        await Queries.WriteCsvAsync(Code, new DomainMemberFilter(FirstDay), output, Ct, DomainMemberSort.Category);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(DomainMemberCsv.Header, lines[0]);
        Assert.Equal(
            [
                "OVO000001;Departement Omgeving;;;Departement;;;;;",
                "OVO000003;Agentschap Start;AS;0234.567.873;IVA met rechtspersoonlijkheid;01/01/2025;;;;",
                "OVO000004;Agentschap Verhuisd;;;Privaatrechtelijk EVA;01/01/2025;;;;",
                "OVO000007;'=Oude Dienst;;;Oude categorie;;;;;",
                string.Empty,
            ],
            lines[1..]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DomainReportTestsOnSqlite(SqliteDatabaseFixture database) : DomainReportTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class DomainReportTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DomainReportTests(database);
