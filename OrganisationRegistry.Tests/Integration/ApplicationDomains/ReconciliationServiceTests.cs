using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;
using OrganisationRegistry.Tests.Integration.Services;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>
/// Comparing an expert's list with the register on a reference date D and applying the selected differences, through
/// <see cref="ReconciliationService"/> on a real database. D is 01/06/2025 throughout; the world's Departement Omgeving is
/// in the Bestuursdecreet as "departement" since 01/01/2019.
/// </summary>
public abstract class ReconciliationServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    private const string Bestuursdecreet = RegistryWorld.BestuursdecreetCode;
    private const string FileName = "leden bestuursdecreet 2025.csv";
    private static readonly DateOnly D = Day("01/06/2025");

    private ReconciliationService Reconciliation => Database.Services.GetRequiredService<ReconciliationService>();

    private static byte[] File(params string[] lines) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private Task<ReconciliationReport> CompareAsync(byte[] content, DateOnly? date = null) =>
        Reconciliation.CompareAsync(World.AopExpert, new CompareMemberList(Bestuursdecreet, date ?? D, FileName, content), Ct);

    private Task<ReconciliationApplyReport> ApplyAsync(byte[] content, params DifferenceKey[] keys) =>
        Reconciliation.ApplyAsync(World.AopExpert, new ApplyMemberList(Bestuursdecreet, D, FileName, content, keys), Ct);

    private Task AssignAsync(Organisation organisation, string category, string? from, string? to) =>
        World.Assignments.AssignAsync(
            World.CentralAdmin,
            new AssignToDomain(organisation.OvoCode.Value, Bestuursdecreet, category, from is null ? null : Day(from), to is null ? null : Day(to)),
            Ct);

    private Task<List<DomainAssignment>> AssignmentsOfAsync(Organisation organisation) =>
        ReadAsync(db => db.DomainAssignments.Include(a => a.Category)
            .Where(a => a.OrganisationId == organisation.Id && a.ApplicationDomainId == World.Bestuursdecreet.Id)
            .OrderBy(a => a.ValidFrom)
            .ToListAsync(Ct));

    [Fact]
    public async Task Compare_FindsEveryKindOfDifference_TheUnknownAndTheAmbiguous_AndCountsWhatAgrees()
    {
        await AssignAsync(World.Daughter, "departement", "01/01/2020", "31/12/2030");
        await AssignAsync(World.Outside, "departement", "01/01/2019", null);
        await AssignAsync(World.OutsideDaughter, "iva-zonder-rp", "01/01/2019", null);
        var kbo = KboNumber.FromBase(12345678);
        await StoreOrganisationAsync(200, "Twee met hetzelfde nummer (1)", kbo);
        await StoreOrganisationAsync(201, "Twee met hetzelfde nummer (2)", kbo);

        var report = await CompareAsync(File(
            "OVO-code;KBO-nummer;Naam;Categorie;Geldig vanaf;Geldig tot;;;",
            $"{World.Department.OvoCode};;Omgeving;vlaamse administratie – IVA zonder rechtspersoonlijkheid;1/01/2019;;;;",
            $"{World.Daughter.OvoCode};;VMM;departement;1/01/2020;31/12/2029;;;",
            $"{World.Granddaughter.OvoCode};;Dienst Lucht;departement;;;;;",
            $"{World.Outside.OvoCode};;MOW;Vlaamse administratie - departement;01/01/2019;;;;",
            "OVO999999;;Bestaat niet;departement;;;;;",
            $";{kbo.Formatted};Dubbel KBO;departement;;;;;",
            $"{World.Aop.OvoCode};;AOP;bestaat-niet;;;;;"));

        Assert.Equal((7, 1), (report.Rows, report.Agreeing));
        var category = Assert.Single(report.Of(DifferenceKind.OtherCategory));
        Assert.Equal(
            (2, World.Department.OvoCode.Value, "Vlaamse administratie - IVA zonder rechtspersoonlijkheid", "Vlaamse administratie - departement"),
            (category.Line, category.OvoCode, category.ListCategory, category.RegisterCategory));
        var period = Assert.Single(report.Of(DifferenceKind.OtherPeriod));
        Assert.Equal((Period("01/01/2020", "31/12/2029"), Period("01/01/2020", "31/12/2030")), (period.ListPeriod!.Value, period.RegisterPeriod!.Value));
        var missing = Assert.Single(report.Of(DifferenceKind.MissingInRegister));
        Assert.Equal((World.Granddaughter.OvoCode.Value, Since("01/06/2025")), (missing.OvoCode, missing.ListPeriod!.Value));
        var notInList = Assert.Single(report.Of(DifferenceKind.MissingInList));
        Assert.Equal((null, World.OutsideDaughter.OvoCode.Value, "Vlaamse administratie - IVA zonder rechtspersoonlijkheid"), (notInList.Line, notInList.OvoCode, notInList.RegisterCategory));
        Assert.Equal(
            [
                (6, ListIssueKind.Unknown, "OVO999999 bestaat niet in het register."),
                (7, ListIssueKind.Ambiguous, $"KBO-nummer {kbo} hoort bij 2 organisaties die geldig zijn op 01/06/2025 (OVO000200, OVO000201); geef de OVO-code."),
                (8, ListIssueKind.Invalid, "Het Bestuursdecreet heeft geen categorie 'bestaat-niet' (code of naam)."),
            ],
            report.Issues.Select(i => (i.Line, i.Kind, i.Reason)));
    }

    [Fact]
    public async Task Compare_OnTheBoundaries_AnAssignmentEndingOnD_Counts_AndOneEndingTheDayBefore_DoesNot()
    {
        await AssignAsync(World.Daughter, "departement", "01/01/2020", "01/06/2025");
        await AssignAsync(World.Granddaughter, "departement", "01/01/2020", "31/05/2025");
        await AssignAsync(World.Outside, "departement", "01/06/2025", null);

        var report = await CompareAsync(File("OVO-code", World.Department.OvoCode.Value));

        Assert.Equal(
            [World.Daughter.OvoCode.Value, World.Outside.OvoCode.Value],
            report.Of(DifferenceKind.MissingInList).Select(d => d.OvoCode).Order(StringComparer.Ordinal));
        Assert.Equal(1, report.Agreeing);
    }

    [Fact]
    public async Task Compare_ByKboNumber_TakesTheOrganisationValidOnD_AndOvoAndKboThatDisagree_AreAmbiguous()
    {
        var kbo = KboNumber.FromBase(2_000_000);
        await StoreOrganisationAsync(300, "Vroegere vzw", kbo, validTo: Day("31/12/2020"));
        var current = await StoreOrganisationAsync(301, "Huidige vzw", kbo);
        var other = KboNumber.FromBase(3_000_000);

        var report = await CompareAsync(File(
            "Ondernemingsnummer;OVO nummer;Categoriecode",
            $"BE{kbo.Digits};;departement",
            $"{other.Formatted};{World.Granddaughter.OvoCode};departement",
            $"{kbo.Digits[1..]};;departement"));

        var missing = Assert.Single(report.Of(DifferenceKind.MissingInRegister));
        Assert.Equal((current.OvoCode.Value, 2), (missing.OvoCode, missing.Line));
        Assert.Equal(
            [
                (3, ListIssueKind.Ambiguous, $"De OVO-code en het KBO-nummer spreken elkaar tegen: {World.Granddaughter.OvoCode} heeft geen KBO-nummer, de lijst geeft {other}."),
                (4, ListIssueKind.Invalid, $"{current.OvoCode} staat al op regel 2; elke organisatie mag maar één keer in de lijst staan."),
            ],
            report.Issues.Select(i => (i.Line, i.Kind, i.Reason)));
    }

    [Fact]
    public async Task Compare_RowsThatCannotBeCompared_SayWhy_AndTheirOrganisationDoesNotCountAsMissingFromTheList()
    {
        var report = await CompareAsync(File(
            "OVO-code;Geldig vanaf;Geldig tot",
            $"{World.Department.OvoCode};1/07/2025;",
            "OVO000abc;;",
            ";1/01/2020;"));

        Assert.Empty(report.Differences);
        Assert.Equal(
            [
                (2, World.Department.OvoCode.Value, "De periode in de lijst (vanaf 01/07/2025) bevat de referentiedatum 01/06/2025 niet."),
                (3, null, "'OVO000abc' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123)."),
                (4, null, "Geen OVO-code of KBO-nummer."),
            ],
            report.Issues.Select(i => (i.Line, i.OvoCode, i.Reason)));
    }

    [Fact]
    public async Task Apply_MissingInRegister_AssignsWithTheListsCategoryAndPeriod_FromDWhenTheListGivesNoStart()
    {
        var content = File(
            "OVO-code;Categorie;Geldig vanaf;Geldig tot",
            $"{World.Department.OvoCode};departement;1/01/2019;",
            $"{World.Granddaughter.OvoCode};VLAAMSE ADMINISTRATIE - IVA ZONDER RECHTSPERSOONLIJKHEID;;31/12/2026",
            $"{World.Daughter.OvoCode};departement;1/01/2024;");
        var report = await CompareAsync(content);

        var result = await ApplyAsync(content, [.. report.Of(DifferenceKind.MissingInRegister).Select(d => d.Key)]);

        Assert.True(result.Applied);
        var lucht = Assert.Single(await AssignmentsOfAsync(World.Granddaughter));
        Assert.Equal(("iva-zonder-rp", Period("01/06/2025", "31/12/2026")), (lucht.Category!.Code, lucht.Validity));
        Assert.Equal(Since("01/01/2024"), Assert.Single(await AssignmentsOfAsync(World.Daughter)).Validity);
    }

    [Fact]
    public async Task Apply_MissingInList_EndsTheAssignmentTheDayBeforeD()
    {
        var content = File("OVO-code", World.Granddaughter.OvoCode.Value);
        var difference = Assert.Single((await CompareAsync(content)).Of(DifferenceKind.MissingInList));

        var result = await ApplyAsync(content, difference.Key);

        Assert.True(result.Applied);
        Assert.Equal("Beëindigd op 31/05/2025.", Assert.Single(result.Rows).Outcome);
        Assert.Equal(Period("01/01/2019", "31/05/2025"), Assert.Single(await AssignmentsOfAsync(World.Department)).Validity);
    }

    [Fact]
    public async Task Apply_MissingInList_StartingOnD_RemovesItAsACorrection_AndTheReasonSaysSo()
    {
        await AssignAsync(World.Daughter, "departement", "01/06/2025", null);
        var content = File("OVO-code", World.Department.OvoCode.Value);
        var difference = Assert.Single((await CompareAsync(content)).Of(DifferenceKind.MissingInList));

        var result = await ApplyAsync(content, difference.Key);

        Assert.True(result.Applied);
        Assert.Empty(await AssignmentsOfAsync(World.Daughter));
        var removed = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Operation == AuditOperation.Delete && e.EntityType == nameof(DomainAssignment), Ct));
        Assert.Equal(
            "leden bestuursdecreet 2025.csv (lijstvergelijking bestuursdecreet op referentiedatum 01/06/2025); " +
            "toewijzingen die op 01/06/2025 begonnen en niet in de lijst staan, zijn als correctie verwijderd",
            removed.Reason);
    }

    [Fact]
    public async Task Apply_OtherCategory_EndsTheOldAssignmentOnDMinusOne_AndAssignsTheNewCategoryFromD_KeepingTheOldEnd()
    {
        await World.Assignments.ChangeAsync(
            World.CentralAdmin, new ChangeAssignment(World.DepartmentAssignment(Bestuursdecreet).Id, 1, "departement", Day("01/01/2019"), Day("31/12/2030"), Remark: "art. I.3"), Ct);
        var content = File("OVO-code;Categorie", $"{World.Department.OvoCode};Vlaamse administratie - IVA zonder rechtspersoonlijkheid");
        var difference = Assert.Single((await CompareAsync(content)).Differences);
        Assert.Equal(DifferenceKind.OtherCategory, difference.Kind);

        var result = await ApplyAsync(content, difference.Key);

        Assert.True(result.Applied);
        var assignments = await AssignmentsOfAsync(World.Department);
        Assert.Equal(
            [("departement", Period("01/01/2019", "31/05/2025"), "art. I.3"), ("iva-zonder-rp", Period("01/06/2025", "31/12/2030"), "art. I.3")],
            assignments.Select(a => (a.Category!.Code, a.Validity, a.Remark)));
    }

    [Fact]
    public async Task Apply_OtherCategory_OfAnAssignmentStartingOnD_ChangesTheCategoryInPlace()
    {
        await AssignAsync(World.Daughter, "departement", "01/06/2025", null);
        var content = File("OVO-code;Categoriecode", $"{World.Department.OvoCode};departement", $"{World.Daughter.OvoCode};IVA-ZONDER-RP");
        var difference = Assert.Single((await CompareAsync(content)).Differences);

        var result = await ApplyAsync(content, difference.Key);

        Assert.True(result.Applied);
        var assignment = Assert.Single(await AssignmentsOfAsync(World.Daughter));
        Assert.Equal(("iva-zonder-rp", Since("01/06/2025"), 2L), (assignment.Category!.Code, assignment.Validity, assignment.Version));
    }

    [Fact]
    public async Task Apply_OtherPeriod_GivesTheAssignmentTheListsPeriod()
    {
        var content = File("OVO-code;Formele begindatum;Formele einddatum", $"{World.Department.OvoCode};1/01/2018;31/12/2027");
        var difference = Assert.Single((await CompareAsync(content)).Of(DifferenceKind.OtherPeriod));

        var result = await ApplyAsync(content, difference.Key);

        Assert.True(result.Applied);
        Assert.Equal(Period("01/01/2018", "31/12/2027"), Assert.Single(await AssignmentsOfAsync(World.Department)).Validity);
    }

    [Fact]
    public async Task Apply_WritesEverySelectedChangeInOneTransaction_WithTheFileNameAndReferenceDateAsReason()
    {
        var content = File(
            "OVO-code;Categorie",
            $"{World.Department.OvoCode};iva-zonder-rp",
            $"{World.Granddaughter.OvoCode};departement",
            $"{World.OutsideDaughter.OvoCode};departement");
        var report = await CompareAsync(content);
        var before = await ReadAsync(db => db.AuditEntries.CountAsync(Ct));

        var result = await ApplyAsync(content, [.. report.Differences.Select(d => d.Key)]);

        Assert.True(result.Applied);
        Assert.Equal(3, result.Rows.Count);
        var entries = await ReadAsync(db => db.AuditEntries.OrderBy(e => e.Position).Skip(before).ToListAsync(Ct));
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("leden bestuursdecreet 2025.csv (lijstvergelijking bestuursdecreet op referentiedatum 01/06/2025)", e.Reason));
        Assert.Single(entries.Select(e => e.CorrelationId).Distinct());
    }

    [Fact]
    public async Task Apply_WhenOneSelectedChangeBreaksARule_WritesNothing_AndSaysWhichAndWhy()
    {
        // Dienst Lucht joins again on 01/01/2026; the list wants it from D without end: that would overlap.
        await AssignAsync(World.Granddaughter, "departement", "01/01/2026", null);
        var content = File(
            "OVO-code;Categorie",
            $"{World.Daughter.OvoCode};departement",
            $"{World.Granddaughter.OvoCode};departement");
        var report = await CompareAsync(content);
        var before = await SnapshotAsync();

        var result = await ApplyAsync(content, [.. report.Differences.Select(d => d.Key)]);

        Assert.False(result.Applied);
        Assert.Equal(before, await SnapshotAsync());
        var failed = Assert.Single(result.Rows, r => !r.IsOk);
        Assert.Equal($"{World.Granddaughter.OvoCode} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2026.", failed.Problem);
        Assert.Equal(2, result.Rows.Count(r => r.IsOk));
    }

    [Fact]
    public async Task Apply_OfAStalePreview_WritesNothing_WhenTheAssignmentChangedOrTheDifferenceWentAway()
    {
        await AssignAsync(World.Daughter, "departement", "01/01/2020", null);
        var content = File(
            "OVO-code;Categorie;Geldig tot",
            $"{World.Department.OvoCode};iva-zonder-rp;",
            $"{World.Daughter.OvoCode};departement;31/12/2025",
            $"{World.Granddaughter.OvoCode};departement;");
        var report = await CompareAsync(content);

        // Meanwhile someone else changes the department's assignment and assigns the Dienst Lucht as the list says.
        await World.Assignments.ChangeAsync(
            World.CentralAdmin, new ChangeAssignment(World.DepartmentAssignment(Bestuursdecreet).Id, 1, "departement", Day("01/01/2019"), null, Remark: "intussen"), Ct);
        await AssignAsync(World.Granddaughter, "departement", "01/06/2025", null);
        var before = await SnapshotAsync();

        var result = await ApplyAsync(content, [.. report.Differences.Select(d => d.Key)]);

        Assert.False(result.Applied);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(
            [
                $"De toewijzing van {World.Department.OvoCode} werd intussen door iemand anders gewijzigd. Vergelijk opnieuw.",
                null,
                $"{World.Granddaughter.OvoCode} stemt intussen overeen met het register: dit verschil bestaat niet meer. Vergelijk opnieuw.",
            ],
            result.Rows.OrderBy(r => r.Key.OvoCode, StringComparer.Ordinal).Select(r => r.Problem));
    }

    [Fact]
    public async Task Apply_OfAnUnknownRow_OrADifferenceWithoutCategory_IsRefused_AndNothingIsWritten()
    {
        var content = File("OVO-code", World.Department.OvoCode.Value, World.Granddaughter.OvoCode.Value, "OVO999999");
        var report = await CompareAsync(content);
        var missing = Assert.Single(report.Of(DifferenceKind.MissingInRegister));
        Assert.False(missing.CanApply);
        var before = await SnapshotAsync();

        var result = await ApplyAsync(content, missing.Key, new DifferenceKey(DifferenceKind.MissingInRegister, "OVO999999"));

        Assert.False(result.Applied);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(
            [
                "De lijst geeft geen categorie: zonder categorie kan de toewijzing niet gemaakt worden.",
                "Regel 4 kan niet vergeleken worden: OVO999999 bestaat niet in het register.",
            ],
            result.Rows.Select(r => r.Problem));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReconciliationServiceTestsOnSqlite(SqliteDatabaseFixture database) : ReconciliationServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ReconciliationServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReconciliationServiceTests(database);
