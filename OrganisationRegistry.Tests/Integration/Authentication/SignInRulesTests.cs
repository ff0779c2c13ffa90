using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>The small rules of signing in: where a return address may lead, and which role values count.</summary>
public sealed class SignInRulesTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/organisaties?zoek=omgeving", "/organisaties?zoek=omgeving")]
    [InlineData("/toepassingsgebieden/bestuursdecreet", "/toepassingsgebieden/bestuursdecreet")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("organisaties", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void LocalReturnUrl_KeepsOnlyAddressesOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.OrHome(returnUrl));

    [Theory]
    [InlineData("CentraalBeheerder", RegistryRoles.CentralAdministrator, null)]
    [InlineData("ToepassingsgebiedBeheerder", RegistryRoles.DomainExpert, null)]
    [InlineData("DecentraalBeheerder", RegistryRoles.OrganisationManager, null)]
    [InlineData("Lezer", RegistryRoles.Reader, null)]
    [InlineData("lezer", RegistryRoles.Reader, null)]
    [InlineData("organisation-manager", RegistryRoles.OrganisationManager, null)]
    [InlineData("decentraalbeheerder:OVO000123", RegistryRoles.OrganisationManager, "OVO000123")]
    [InlineData("algemeenbeheerder:ovo002949", RegistryRoles.CentralAdministrator, "OVO002949")]
    [InlineData("ToepassingsgebiedBeheerder:OVO000010", RegistryRoles.DomainExpert, "OVO000010")]
    public void IdentityProviderRoles_MapToTheRegistersRoles(string value, string role, string? scope) =>
        Assert.Equal(new IdentityProviderRole(role, scope is null ? null : OvoCode.Parse(scope)), IdentityProviderRoles.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Admin")]
    [InlineData("vlimpersbeheerder:OVO000123")]
    [InlineData("decentraalbeheerder:")]
    [InlineData("decentraalbeheerder:OVO12")]
    public void IdentityProviderRoles_IgnoreWhatIsNoRoleOfTheRegister(string? value) =>
        Assert.Null(IdentityProviderRoles.Parse(value));

    [Fact]
    public void AccountPaths_CarryOnlyLocalReturnAddresses()
    {
        Assert.Equal("/account/signin?returnUrl=%2Forganisaties%3Fzoek%3Dx", AccountPaths.SignInFor("/organisaties?zoek=x"));
        Assert.Equal("/account/signin", AccountPaths.SignInFor("https://evil.example"));
        Assert.Equal("/dev/signin/aop-expert", AccountPaths.DevelopmentSignInAs("aop-expert", "/"));
    }
}
