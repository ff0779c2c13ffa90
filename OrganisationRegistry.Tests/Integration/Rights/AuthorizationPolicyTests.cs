using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Rights;

/// <summary>
/// The same rights as ASP.NET Core policies, as pages (<c>AuthorizeView</c>, <c>[Authorize]</c>) and the API will ask
/// them: a <see cref="ClaimsPrincipal"/> carrying the app's user, a policy name and an optional resource.
/// </summary>
public abstract class AuthorizationPolicyTests(DatabaseFixture database)
{
    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // persona                    policy                                 resource            allowed
        { "aop-expert",    RegistryPolicies.ManageAssignments,  "bestuursdecreet", true },
        { "aop-expert",    RegistryPolicies.ManageAssignments,  "vco",             false },
        { "aop-expert",    RegistryPolicies.ManageAssignments,  "geen",            true },
        { "aop-expert",    RegistryPolicies.CorrectAssignments, "vco",             false },
        { "aop-expert",    RegistryPolicies.ManageCategories,   "bestuursdecreet", true },
        { "aop-expert",    RegistryPolicies.EditOrganisation,   "geen",            false },
        { "dfb-expert",    RegistryPolicies.ManageAssignments,  "vco",             true },
        { "dfb-expert",    RegistryPolicies.ManageCategories,   "bestuursdecreet", false },
        { "org-manager",   RegistryPolicies.ManageAssignments,  "geen",            false },
        { "org-manager",   RegistryPolicies.ManageAssignments,  "bestuursdecreet", false },
        { "org-manager",   RegistryPolicies.EditOrganisation,   "kleindochter",    true },
        { "org-manager",   RegistryPolicies.EditOrganisation,   "buiten",          false },
        { "org-manager",   RegistryPolicies.EditOrganisation,   "geen",            true },
        { "org-manager",   RegistryPolicies.CreateOrganisation, "onder-eigen",     true },
        { "org-manager",   RegistryPolicies.CreateOrganisation, "bovenaan",        false },
        { "org-manager",   RegistryPolicies.CoupleKbo,          "geen",            false },
        { "central-admin", RegistryPolicies.CreateOrganisation, "bovenaan",        true },
        { "central-admin", RegistryPolicies.AdministerRegister, "geen",            true },
        { "central-admin", RegistryPolicies.CoupleKbo,          "geen",            true },
        { "aop-expert",    RegistryPolicies.AdministerRegister, "geen",            false },
        { "reader",        RegistryPolicies.Read,               "geen",            true },
        { "reader",        RegistryPolicies.ManageAssignments,  "geen",            false },
        { "reader",        RegistryPolicies.EditOrganisation,   "kleindochter",    false },
        { "anoniem",       RegistryPolicies.Read,               "geen",            false },
        { "anoniem",       RegistryPolicies.ManageAssignments,  "bestuursdecreet", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Policy_ForPersonaAndResource(string persona, string policy, string resource, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await RegistryWorld.CreateAsync(database, ct);
        var principal = persona == "anoniem" ? new ClaimsPrincipal(new ClaimsIdentity()) : world.Personas[persona].ToPrincipal("test");
        object? target = resource switch
        {
            "bestuursdecreet" => new DomainResource(world.Bestuursdecreet.Id),
            "vco" => new DomainResource(world.Vco.Id),
            "kleindochter" => new OrganisationResource(world.Granddaughter.Id),
            "buiten" => new OrganisationResource(world.OutsideDaughter.Id),
            "onder-eigen" => new NewOrganisationResource(world.Department.Id),
            "bovenaan" => new NewOrganisationResource(null),
            _ => null,
        };

        var result = await database.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, target, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task EveryRight_HasItsPolicy()
    {
        var policies = database.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var right in Enum.GetValues<RegistryRight>())
        {
            var policy = await policies.GetPolicyAsync(RegistryPolicies.For(right));
            Assert.NotNull(policy);
            Assert.Equal(right, Assert.IsType<RegistryRightRequirement>(Assert.Single(policy.Requirements)).Right);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationPolicyTestsOnSqlite(SqliteDatabaseFixture database) : AuthorizationPolicyTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuthorizationPolicyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuthorizationPolicyTests(database);
