using System.Security.Claims;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Tests.Domain.Rights;

/// <summary>The app's own user and how it travels in a <see cref="ClaimsPrincipal"/>.</summary>
public sealed class RegistryUserTests
{
    [Fact]
    public void ThroughClaims_AndBack_TheUserStaysTheSame()
    {
        var organisationId = Guid.CreateVersion7();
        var client = RegistryUser.Create(
            "client-orafin", "Orafin (DFB)", [RegistryRoles.DomainExpert, RegistryRoles.Reader], OvoCode.Parse("OVO000003"), organisationId, RegistryUserKind.MachineClient);

        var back = RegistryUser.FromPrincipal(client.ToPrincipal("test"));

        Assert.Equal(("client-orafin", "Orafin (DFB)", "OVO000003", organisationId, RegistryUserKind.MachineClient), (back.SubjectId, back.DisplayName, back.OrganisationOvoCode?.Value, back.OrganisationId, back.Kind));
        Assert.Equal([RegistryRoles.DomainExpert, RegistryRoles.Reader], back.Roles.Order(StringComparer.Ordinal));
        Assert.True(client.ToPrincipal("test").IsInRole(RegistryRoles.DomainExpert));
    }

    [Fact]
    public void NotSignedIn_IsAnonymous_WithoutRoles()
    {
        var user = RegistryUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, RegistryRoles.CentralAdministrator)])));

        Assert.Same(RegistryUser.Anonymous, user);
        Assert.False(user.HasAccess);
        Assert.Empty(user.Roles);
    }

    [Fact]
    public void UnknownRoles_AreDropped_AndNobodyCanClaimToBeTheSystem()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(RegistryClaimTypes.Subject, "x"),
                new Claim(ClaimTypes.Role, "superuser"),
                new Claim(ClaimTypes.Role, RegistryRoles.Reader),
                new Claim(RegistryClaimTypes.Kind, nameof(RegistryUserKind.System)),
            ],
            "test"));

        var user = RegistryUser.FromPrincipal(principal);

        Assert.Equal([RegistryRoles.Reader], user.Roles);
        Assert.Equal(RegistryUserKind.Person, user.Kind);
    }

    [Fact]
    public void TheSystem_IsACentralAdministrator() =>
        Assert.True(RegistryUser.System.IsCentralAdministrator && RegistryUser.System.HasAccess);

    [Fact]
    public void DevelopmentPersonas_AreTheFiveOfTheIssue_EachWithAKnownRole_AndAnOrganisationWhereTheRoleNeedsOne()
    {
        Assert.Equal(["central-admin", "aop-expert", "dfb-expert", "org-manager", "reader"], DevelopmentPersonas.All.Select(p => p.Key));
        Assert.All(DevelopmentPersonas.All, p => Assert.True(RegistryRoles.IsKnown(p.Role)));
        Assert.All(DevelopmentPersonas.All.Where(p => RegistryRoles.NeedsOrganisation(p.Role)), p => Assert.True(p.HasOrganisation));
        Assert.Same(DevelopmentPersonas.OrganisationManager, DevelopmentPersonas.Find("ORG-MANAGER"));
        Assert.Null(DevelopmentPersonas.Find("admin"));
    }
}
