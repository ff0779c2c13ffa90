using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Services;

namespace OrganisationRegistry.Tests.Integration.Rights;

/// <summary>People's rights kept in the register (<see cref="UserGrantService"/>): granted by central staff, added at sign-in.</summary>
public abstract class UserGrantServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    private UserGrantService Grants => World.Grants;

    [Fact]
    public async Task AGrantedRole_IsAddedAtSignIn_WithItsOrganisation_AndGivesItsRights()
    {
        await Grants.GrantAsync(World.CentralAdmin, new GrantRole(" Jan.Peeters@Vlaanderen.be ", RegistryRoles.DomainExpert, World.Dfb.OvoCode.Value), Ct);
        var fromIdentityProvider = RegistryUser.Create("entra-object-id", "Jan Peeters", []);

        var jan = await Grants.WithGrantsAsync(fromIdentityProvider, "JAN.PEETERS@vlaanderen.be", Ct);

        Assert.Equal([RegistryRoles.DomainExpert], jan.Roles);
        Assert.Equal((World.Dfb.Id, World.Dfb.OvoCode), (jan.OrganisationId, jan.OrganisationOvoCode));
        Assert.True(await World.Authorization.MayManageAssignmentsAsync(jan, World.Vco.Id, Ct));
        Assert.False(await World.Authorization.MayManageAssignmentsAsync(jan, World.Bestuursdecreet.Id, Ct));
    }

    [Fact]
    public async Task GrantsForAnotherOrganisationThanTheIdentityProviderGave_AreLeftOut()
    {
        var lies = RegistryUser.Create("lies", "Lies Peeters", [RegistryRoles.Reader], World.Dfb.OvoCode);

        var signedIn = await Grants.WithGrantsAsync(lies, "lies.peeters@vlaanderen.be", Ct);

        Assert.Equal([RegistryRoles.Reader], signedIn.Roles);
        Assert.Equal(World.Dfb.OvoCode, signedIn.OrganisationOvoCode);
    }

    [Fact]
    public async Task Grant_TheSameRoleTwice_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Grants.GrantAsync(World.CentralAdmin, new GrantRole("LIES.PEETERS@vlaanderen.be", RegistryRoles.DomainExpert, World.Aop.OvoCode.Value), Ct));

        Assert.Equal("lies.peeters@vlaanderen.be heeft de rol Domeinexpert al.", refused.Message);
    }

    [Fact]
    public async Task Grant_ForAnotherOrganisationThanThePersonsOtherRoles_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Grants.GrantAsync(World.CentralAdmin, new GrantRole("lies.peeters@vlaanderen.be", RegistryRoles.OrganisationManager, World.Department.OvoCode.Value), Ct));

        Assert.Equal($"lies.peeters@vlaanderen.be heeft al een rol voor {World.Aop.OvoCode}; een persoon heeft rechten voor één organisatie.", refused.Message);
        Assert.Equal(1, await CountAsync<UserGrant>());
    }

    [Fact]
    public async Task Grant_ARoleThatNeedsAnOrganisation_WithoutOne_IsRefusedByTheValidator()
    {
        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            Grants.GrantAsync(World.CentralAdmin, new GrantRole("jan@vlaanderen.be", RegistryRoles.OrganisationManager), Ct));

        Assert.Equal("De rol Beheerder van een organisatie geldt voor een organisatie: geef haar OVO-code.", Assert.Single(invalid.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Revoke_RemovesTheGrant_AndAStaleRevokeSaysItWasRemoved()
    {
        await Grants.RevokeAsync(World.CentralAdmin, new RevokeRole(World.Grant.Id, 1), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Grants.RevokeAsync(World.CentralAdmin, new RevokeRole(World.Grant.Id, 1), Ct));

        Assert.True(conflict.WasRemoved);
        Assert.False(await ReadAsync(db => db.UserGrants.AnyAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserGrantServiceTestsOnSqlite(SqliteDatabaseFixture database) : UserGrantServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class UserGrantServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : UserGrantServiceTests(database);
