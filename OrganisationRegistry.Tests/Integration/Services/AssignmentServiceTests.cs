using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>Assigning organisations to application domains through <see cref="AssignmentService"/>, on a real database.</summary>
public abstract class AssignmentServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    private const string Bestuursdecreet = RegistryWorld.BestuursdecreetCode;

    private AssignmentService Assignments => World.Assignments;

    [Fact]
    public async Task Assign_StoresCategoryPeriodParentAndRemark_AtVersion1()
    {
        var saved = await Assignments.AssignAsync(
            World.AopExpert,
            new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), Day("31/12/2024"), World.Department.OvoCode.Value, "  art. I.3  "),
            Ct);

        var stored = await ReadAsync(db => db.DomainAssignments.Include(a => a.Category).SingleAsync(a => a.Id == saved.Id, Ct));
        Assert.Equal(1, saved.Version);
        Assert.Equal(World.Granddaughter.Id, stored.OrganisationId);
        Assert.Equal("iva-zonder-rp", stored.Category!.Code);
        Assert.Equal(Period("01/01/2020", "31/12/2024"), stored.Validity);
        Assert.Equal(World.Department.Id, stored.ParentOrganisationId);
        Assert.Equal("art. I.3", stored.Remark);
    }

    [Fact]
    public async Task Assign_OverlappingAnAssignmentToTheSameDomain_IsRefused_WithTheDutchMessage()
    {
        await StoreOrganisationAsync(123, "Agentschap Innoveren en Ondernemen");
        await Assignments.AssignAsync(World.AopExpert, new AssignToDomain("OVO000123", Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), Day("31/12/2024")), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Assignments.AssignAsync(World.AopExpert, new AssignToDomain("OVO000123", Bestuursdecreet, "departement", Day("01/06/2024"), null), Ct));

        Assert.Equal(RuleCodes.Overlap, refused.Code);
        Assert.Equal("OVO000123 is al toegewezen aan het Bestuursdecreet van 01/01/2020 tot 31/12/2024.", refused.Message);
        Assert.Equal(1, await ReadAsync(db => db.DomainAssignments.CountAsync(a => a.Organisation!.OvoCode == OvoCode.FromNumber(123), Ct)));
    }

    [Fact]
    public async Task Assign_UnderAParentThatIsItselfBelowTheOrganisation_IsRefusedAsACycle()
    {
        // Within the Bestuursdecreet: De Vlaamse Waterweg under the Dienst Lucht since 2020 ...
        await Assignments.AssignAsync(
            World.CentralAdmin, new AssignToDomain(World.OutsideDaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null, World.Granddaughter.OvoCode.Value), Ct);

        // ... so the Dienst Lucht cannot go under De Vlaamse Waterweg.
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Assignments.AssignAsync(
            World.CentralAdmin, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2022"), null, World.OutsideDaughter.OvoCode.Value), Ct));

        Assert.Equal(RuleCodes.Cycle, refused.Code);
        Assert.Equal($"{World.OutsideDaughter.OvoCode} valt vanaf 01/01/2022 binnen het Bestuursdecreet zelf onder {World.Granddaughter.OvoCode}: dat zou een kring maken.", refused.Message);
    }

    [Theory]
    [InlineData("bestaat-niet", RuleCodes.NotFound, "Het Bestuursdecreet heeft geen categorie 'bestaat-niet'.")]
    [InlineData("onderwijsinspectie", RuleCodes.InvalidValue, "De categorie 'Vlaamse administratie - onderwijsinspectie' is niet meer actief en kan niet gekozen worden.")]
    public async Task Assign_UnknownOrInactiveCategory_IsRefused(string category, string code, string message)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Assignments.AssignAsync(World.AopExpert, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, category, null, null), Ct));

        Assert.Equal((code, message), (refused.Code, refused.Message));
    }

    [Fact]
    public async Task Assign_UnknownOrganisation_SaysSo()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Assignments.AssignAsync(World.AopExpert, new AssignToDomain("OVO999999", Bestuursdecreet, "departement", null, null), Ct));

        Assert.Equal("OVO999999 bestaat niet in het register.", refused.Message);
    }

    [Fact]
    public async Task Change_StoresTheChange_AndRaisesTheVersion()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);

        var saved = await Assignments.ChangeAsync(World.AopExpert, new ChangeAssignment(assignment.Id, 1, "departement", Day("01/01/2019"), Day("31/12/2029"), Remark: "verlengd tot 2029"), Ct);

        var stored = await ReadAsync(db => db.DomainAssignments.SingleAsync(a => a.Id == assignment.Id, Ct));
        Assert.Equal(2, saved.Version);
        Assert.Equal((Period("01/01/2019", "31/12/2029"), "verlengd tot 2029", 2L), (stored.Validity, stored.Remark, stored.Version));
    }

    [Fact]
    public async Task Change_WithAStaleVersion_IsAConflict_CarryingTheCurrentValues_AndTheFirstChangeStays()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);
        await Assignments.ChangeAsync(World.AopExpert, new ChangeAssignment(assignment.Id, 1, "departement", Day("01/01/2019"), null, Remark: "eerste wijziging"), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Assignments.ChangeAsync(World.CentralAdmin, new ChangeAssignment(assignment.Id, 1, "departement", Day("01/01/2019"), null, Remark: "tweede wijziging"), Ct));

        Assert.Equal(
            "Deze toewijzing werd intussen door iemand anders gewijzigd (u bewerkte versie 1, nu is het versie 2). " +
            "Er werd niets opgeslagen; bekijk de huidige gegevens en herlaad om verder te werken.",
            conflict.Message);
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.CurrentVersion));
        Assert.Equal("eerste wijziging", conflict.CurrentValues["Remark"]);
        Assert.Equal("01/01/2019", conflict.CurrentValues["ValidFrom"]);
        Assert.Equal("eerste wijziging", (await ReadAsync(db => db.DomainAssignments.SingleAsync(a => a.Id == assignment.Id, Ct))).Remark);
    }

    [Fact]
    public async Task Change_OfAnAssignmentSomeoneRemoved_SaysItWasRemoved()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);
        await Assignments.CorrectAsync(World.AopExpert, new CorrectAssignment(assignment.Id, 1, "Dubbel ingevoerd"), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Assignments.ChangeAsync(World.AopExpert, new ChangeAssignment(assignment.Id, 1, "departement", null, null), Ct));

        Assert.True(conflict.WasRemoved);
        Assert.Equal("Deze toewijzing bestaat niet meer: iemand anders heeft ze intussen verwijderd. Er werd niets opgeslagen.", conflict.Message);
    }

    /// <summary>The race the version check cannot see: another writer commits between this write's read and its save.</summary>
    [Fact]
    public async Task AConcurrentWriterBetweenReadAndSave_IsNeverOverwritten()
    {
        var id = World.DepartmentAssignment(Bestuursdecreet).Id;

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RegistryWrite.RunAsync(Database.Contexts, AuditContext.For(World.AopExpert), async write =>
        {
            var assignment = await write.Db.DomainAssignments.SingleAsync(a => a.Id == id, Ct);
            write.ExpectVersion(assignment, 1);
            await using (var other = await Database.Contexts.CreateDbContextAsync(Ct))
            {
                // PostgreSQL lets the other writer commit and then refuses this save (serialization failure);
                // SQLite locks the other writer out until this write ends (here it gives up after 2 seconds).
                other.Database.SetCommandTimeout(2);
                await other.DomainAssignments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Remark, "van de ander").SetProperty(a => a.Version, 2L), Ct);
            }

            write.Db.Entry(assignment).Property(a => a.Remark).CurrentValue = "van mij";
            return await write.Db.SaveChangesAsync(Ct);
        }, Ct));

        var stored = await ReadAsync(db => db.DomainAssignments.SingleAsync(a => a.Id == id, Ct));
        Assert.NotEqual("van mij", stored.Remark);
        Assert.Equal(stored.Remark, conflict.CurrentValues["Remark"]);
        Assert.Equal(Database.Provider == DatabaseProvider.PostgreSql ? "van de ander" : null, stored.Remark);
    }

    [Fact]
    public async Task End_SetsTheEndDate_AndCannotLengthen()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);
        var saved = await Assignments.EndAsync(World.AopExpert, new EndAssignment(assignment.Id, 1, Day("31/12/2025")), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Assignments.EndAsync(World.AopExpert, new EndAssignment(assignment.Id, saved.Version, Day("31/12/2026")), Ct));

        Assert.Equal(Period("01/01/2019", "31/12/2025"), (await ReadAsync(db => db.DomainAssignments.SingleAsync(a => a.Id == assignment.Id, Ct))).Validity);
        Assert.Equal(
            "De toewijzing loopt al tot 31/12/2025; beëindigen kan ze niet verlengen. Wijzig de toewijzing om ze te verlengen.",
            refused.Message);
    }

    [Fact]
    public async Task Correct_RemovesTheAssignment_AndHandsActorReasonAndCorrelationToTheSave()
    {
        var audit = new AuditCapture();
        await using var services = Database.BuildServices(s => s.AddSingleton<IInterceptor>(audit));
        var assignment = World.DepartmentAssignment(Bestuursdecreet);

        await services.GetRequiredService<AssignmentService>().CorrectAsync(World.AopExpert, new CorrectAssignment(assignment.Id, 1, "  Valt onder de VCO, niet onder het Bestuursdecreet  "), Ct);

        Assert.False(await ReadAsync(db => db.DomainAssignments.AnyAsync(a => a.Id == assignment.Id, Ct)));
        var seen = Assert.Single(audit.Seen);
        Assert.NotNull(seen);
        Assert.Equal((World.AopExpert.SubjectId, World.AopExpert.DisplayName, "Valt onder de VCO, niet onder het Bestuursdecreet"), (seen.ActorId, seen.ActorName, seen.Reason));
        Assert.False(string.IsNullOrWhiteSpace(seen.CorrelationId));
    }

    [Fact]
    public async Task Correct_WithoutAReason_IsRefusedByTheValidator_AndNothingIsRemoved()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            Assignments.CorrectAsync(World.AopExpert, new CorrectAssignment(assignment.Id, 1, "   "), Ct));

        Assert.Equal("Geef de reden van de correctie: waarom had deze toewijzing nooit mogen bestaan?", Assert.Single(invalid.Errors).ErrorMessage);
        Assert.True(await ReadAsync(db => db.DomainAssignments.AnyAsync(a => a.Id == assignment.Id, Ct)));
    }

    [Fact]
    public async Task PreviewBulk_ListsEveryOrganisationWithItsConflict_AndWritesNothing()
    {
        // Within the Bestuursdecreet the Dienst Lucht is under the Vlaamse Milieumaatschappij: putting the
        // Vlaamse Milieumaatschappij under the Dienst Lucht would close a cycle.
        await Assignments.AssignAsync(World.CentralAdmin, new AssignToDomain(World.Daughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null), Ct);
        await Assignments.AssignAsync(
            World.CentralAdmin, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null, World.Daughter.OvoCode.Value), Ct);
        var before = await SnapshotAsync();
        string[] list = [World.OutsideDaughter.OvoCode.Value, World.Department.OvoCode.Value, "OVO999999", "ovo12", World.OutsideDaughter.OvoCode.Value, World.Daughter.OvoCode.Value];

        var report = await Assignments.PreviewBulkAsync(
            World.AopExpert, new BulkAssignToDomain(list, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2025"), null, World.Granddaughter.OvoCode.Value), Ct);

        Assert.False(report.Applied);
        Assert.Equal(
            [
                (World.OutsideDaughter.OvoCode.Value, (string?)null, (string?)null),
                (World.Department.OvoCode.Value, RuleCodes.Overlap, $"{World.Department.OvoCode} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2019."),
                ("OVO999999", RuleCodes.NotFound, "OVO999999 bestaat niet in het register."),
                ("ovo12", RuleCodes.InvalidValue, "'ovo12' is geen geldige OVO-code."),
                (World.OutsideDaughter.OvoCode.Value, RuleCodes.Duplicate, $"{World.OutsideDaughter.OvoCode} staat meer dan eens in de lijst."),
                (World.Daughter.OvoCode.Value, RuleCodes.Overlap, $"{World.Daughter.OvoCode} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2020."),
            ],
            report.Rows.Select(r => (r.OvoCode, r.ErrorCode, r.Message)));
        Assert.Equal(World.OutsideDaughter.Name, report.Rows[0].OrganisationName);
        Assert.Equal(5, report.Conflicts);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task PreviewBulk_ReportsACycleWithinTheDomain()
    {
        await Assignments.AssignAsync(
            World.CentralAdmin, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null, World.OutsideDaughter.OvoCode.Value), Ct);

        var report = await Assignments.PreviewBulkAsync(
            World.AopExpert, new BulkAssignToDomain([World.OutsideDaughter.OvoCode.Value, World.Outside.OvoCode.Value], Bestuursdecreet, "iva-zonder-rp", Day("01/01/2021"), null, World.Granddaughter.OvoCode.Value), Ct);

        Assert.Equal(RuleCodes.Cycle, report.Rows[0].ErrorCode);
        Assert.Equal($"{World.Granddaughter.OvoCode} valt vanaf 01/01/2021 binnen het Bestuursdecreet zelf onder {World.OutsideDaughter.OvoCode}: dat zou een kring maken.", report.Rows[0].Message);
        Assert.True(report.Rows[1].IsOk);
    }

    [Fact]
    public async Task ApplyBulk_WithOneBadRow_WritesNothing_AndReportsIt()
    {
        var before = await SnapshotAsync();

        var report = await Assignments.ApplyBulkAsync(
            World.AopExpert,
            new BulkAssignToDomain([World.OutsideDaughter.OvoCode.Value, World.Granddaughter.OvoCode.Value, World.Department.OvoCode.Value], Bestuursdecreet, "iva-zonder-rp", Day("01/01/2024"), null),
            Ct);

        Assert.False(report.Applied);
        Assert.Equal([true, true, false], report.Rows.Select(r => r.IsOk));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ApplyBulk_AllGood_WritesEveryAssignment_InOneSave()
    {
        var audit = new AuditCapture();
        await using var services = Database.BuildServices(s => s.AddSingleton<IInterceptor>(audit));
        string[] list = [World.OutsideDaughter.OvoCode.Value, World.Granddaughter.OvoCode.Value, World.Daughter.OvoCode.Value];

        var report = await services.GetRequiredService<AssignmentService>().ApplyBulkAsync(
            World.AopExpert, new BulkAssignToDomain(list, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2024"), null, Remark: "bulk"), Ct);

        Assert.True(report.Applied);
        Assert.Equal(4, await ReadAsync(db => db.DomainAssignments.CountAsync(a => a.ApplicationDomainId == World.Bestuursdecreet.Id, Ct)));
        Assert.Equal(3, await ReadAsync(db => db.DomainAssignments.CountAsync(a => a.Remark == "bulk", Ct)));
        Assert.Single(audit.Seen);
    }

    [Fact]
    public async Task PreviewBulk_ByAReader_IsForbidden()
    {
        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => Assignments.PreviewBulkAsync(
            World.Reader, new BulkAssignToDomain([World.Granddaughter.OvoCode.Value], Bestuursdecreet, "iva-zonder-rp", null, null), Ct));

        Assert.Equal("U mag de toewijzingen van het Bestuursdecreet niet beheren.", forbidden.Message);
    }

    /// <summary>Records what every save was told about itself (<see cref="RegistryDbContext.Audit"/>).</summary>
    private sealed class AuditCapture : SaveChangesInterceptor
    {
        public List<AuditContext?> Seen { get; } = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Seen.Add((eventData.Context as RegistryDbContext)?.Audit);
            return ValueTask.FromResult(result);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssignmentServiceTestsOnSqlite(SqliteDatabaseFixture database) : AssignmentServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AssignmentServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AssignmentServiceTests(database);
