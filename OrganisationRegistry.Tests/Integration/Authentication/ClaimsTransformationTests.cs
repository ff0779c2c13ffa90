using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>
/// <see cref="RegistryClaimsTransformation"/>: Entra ID's claims (as the OpenID Connect handler leaves them, with or
/// without mapping inbound claim types) become the app's own user, its organisation looked up in a real database.
/// </summary>
public abstract class ClaimsTransformationTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string OrganisationClaimType = "extn.ovoCode";

    private ServiceProvider _services = null!;
    private Organisation _aop = null!;
    private Organisation _omgeving = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RegistryClaimsTransformation Transformation => _services.GetRequiredService<RegistryClaimsTransformation>();

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        var data = new TestData(database);
        _aop = await data.OrganisationAsync("Agentschap Overheidspersoneel", "AOP", cancellationToken: Ct);
        _omgeving = await data.OrganisationAsync("Departement Omgeving", "OMG", cancellationToken: Ct);
        _services = database.BuildServices(services =>
        {
            services.Configure<RegistrySignInOptions>(options => options.OrganisationClaimType = OrganisationClaimType);
            services.AddSingleton<RegistryClaimsTransformation>();
        });
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task EntraClaims_AppRoleAndOrganisationClaim_BecomeTheUser()
    {
        var principal = Entra(
            ("oid", "00000000-0000-0000-0000-0000000000a1"),
            ("name", "Jan Peeters"),
            ("preferred_username", "jan.peeters@vlaanderen.be"),
            ("roles", "ToepassingsgebiedBeheerder"),
            ("roles", "Lezer"),
            (OrganisationClaimType, _aop.OvoCode.Value));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Equal("00000000-0000-0000-0000-0000000000a1", user.SubjectId);
        Assert.Equal("Jan Peeters", user.DisplayName);
        Assert.Equal(new HashSet<string> { RegistryRoles.DomainExpert, RegistryRoles.Reader }, user.Roles);
        Assert.Equal((_aop.OvoCode, _aop.Id), (user.OrganisationOvoCode!.Value, user.OrganisationId!.Value));
        Assert.Equal(RegistryUserKind.Person, user.Kind);
    }

    [Fact]
    public async Task MappedInboundClaimTypes_AreReadAlike()
    {
        var principal = Entra(
            ("http://schemas.microsoft.com/identity/claims/objectidentifier", "00000000-0000-0000-0000-0000000000a2"),
            (ClaimTypes.NameIdentifier, "pairwise-sub"),
            ("name", "An Centraal"),
            (ClaimTypes.Upn, "an@vlaanderen.be"),
            (ClaimTypes.Role, "centraalbeheerder"));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Equal("00000000-0000-0000-0000-0000000000a2", user.SubjectId);
        Assert.True(user.IsCentralAdministrator);
        Assert.Null(user.OrganisationOvoCode);
    }

    [Fact]
    public async Task RegistryStyleRole_NamesTheOrganisation_WhenThereIsNoOrganisationClaim()
    {
        var principal = Entra(("sub", "sub-1"), ("name", "Els Beheer"), ("roles", $"decentraalbeheerder:{_omgeving.OvoCode}"));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Equal("sub-1", user.SubjectId);
        Assert.Equal([RegistryRoles.OrganisationManager], user.Roles);
        Assert.Equal((_omgeving.OvoCode, _omgeving.Id), (user.OrganisationOvoCode!.Value, user.OrganisationId!.Value));
    }

    [Fact]
    public async Task RegistryStyleRole_ForAnotherOrganisationThanTheOrganisationClaim_IsLeftOut()
    {
        var principal = Entra(
            ("oid", "oid-2"),
            ("roles", $"DecentraalBeheerder:{_omgeving.OvoCode}"),
            ("roles", "Lezer"),
            (OrganisationClaimType, _aop.OvoCode.Value));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Equal([RegistryRoles.Reader], user.Roles);
        Assert.Equal(_aop.OvoCode, user.OrganisationOvoCode);
    }

    [Fact]
    public async Task UnknownRoles_AndAnOvoCodeOutsideTheRegister_GiveNoRights()
    {
        var principal = Entra(("oid", "oid-3"), ("roles", "Admin"), ("roles", "decentraalbeheerder:geen-ovo"), (OrganisationClaimType, "OVO999999"));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Empty(user.Roles);
        Assert.False(user.HasAccess);
        Assert.Equal(OvoCode.Parse("OVO999999"), user.OrganisationOvoCode);
        Assert.Null(user.OrganisationId);
    }

    [Fact]
    public async Task RolesGrantedInTheRegister_AreAdded_ForTheSignInName()
    {
        var grants = _services.GetRequiredService<UserGrantService>();
        await grants.GrantAsync(RegistryUser.System, new GrantRole("Mieke.Maes@vlaanderen.be", RegistryRoles.DomainExpert, _aop.OvoCode.Value), Ct);
        var principal = Entra(("oid", "oid-4"), ("name", "Mieke Maes"), ("preferred_username", "MIEKE.MAES@vlaanderen.be"));

        var user = RegistryUser.FromPrincipal(await Transformation.TransformAsync(principal));

        Assert.Equal([RegistryRoles.DomainExpert], user.Roles);
        Assert.Equal((_aop.OvoCode, _aop.Id), (user.OrganisationOvoCode!.Value, user.OrganisationId!.Value));
    }

    [Fact]
    public async Task TheTransformedPrincipal_CarriesExactlyTheUsersClaims_AndIsNotTransformedAgain()
    {
        var principal = Entra(("oid", "oid-5"), ("name", "Lies Lezer"), ("roles", "Lezer"), ("roles", "Lezer"), (OrganisationClaimType, _aop.OvoCode.Value));

        var once = await Transformation.TransformAsync(principal);
        var twice = await Transformation.TransformAsync(once);

        Assert.Same(once, twice);
        var user = RegistryUser.FromPrincipal(once);
        Assert.Equal(user.ToClaims().Select(c => (c.Type, c.Value)), once.Claims.Select(c => (c.Type, c.Value)));
        Assert.Equal("Lies Lezer", once.Identity!.Name);
        Assert.True(once.IsInRole(RegistryRoles.Reader));
    }

    [Fact]
    public async Task AnonymousPrincipal_IsLeftAlone()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.Same(anonymous, await Transformation.TransformAsync(anonymous));
    }

    [Fact]
    public async Task APrincipalWithoutSubject_GetsNoRoles()
    {
        var principal = Entra(("roles", "CentraalBeheerder"));

        var user = await Transformation.MapAsync(principal, Ct);

        Assert.False(user.HasAccess);
    }

    /// <summary>A principal as the OpenID Connect handler builds it from Entra ID's ID token.</summary>
    private static ClaimsPrincipal Entra(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "AuthenticationTypes.Federation", "preferred_username", "roles"));
}

[Collection(SqliteCollection.Name)]
public sealed class ClaimsTransformationTestsOnSqlite(SqliteDatabaseFixture database) : ClaimsTransformationTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ClaimsTransformationTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ClaimsTransformationTests(database);
