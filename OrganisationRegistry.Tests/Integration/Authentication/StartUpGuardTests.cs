using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>The app refuses to start with sign-in settings that are unsafe or missing.</summary>
public sealed class StartUpGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevelopmentSignIn_OutsideDevelopmentAndTesting_FailsStartUp(string environment)
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile(environment, new Dictionary<string, string?>
        {
            [RegistrySignInOptions.DevelopmentSignInEnabledKey] = "true",
        });

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Equal(
            $"Development sign-in is enabled (Authentication:DevelopmentSignIn:Enabled = true) in the '{environment}' environment. " +
            "It lets anyone sign in as any persona without a password, so it is allowed only in Development and Testing. " +
            "Remove the setting and configure Entra ID in the 'AzureAd' section.",
            exception.Message);
    }

    [Fact]
    public async Task DevelopmentSignIn_AlsoWithEntraIdConfigured_FailsStartUpInProduction()
    {
        var settings = new Dictionary<string, string?>(ProductionSignInTests.EntraSettings)
        {
            [RegistrySignInOptions.DevelopmentSignInEnabledKey] = "true",
        };
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile("Production", settings);

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.StartsWith("Development sign-in is enabled", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task WithoutEntraIdOrDevelopmentSignIn_FailsStartUp(string environment)
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile(environment, new Dictionary<string, string?>
        {
            [RegistrySignInOptions.DevelopmentSignInEnabledKey] = "false",
        });

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Equal(
            $"Sign-in is not configured for the '{environment}' environment: set AzureAd:Instance, AzureAd:TenantId and " +
            "AzureAd:ClientId (the Entra ID app registration; see the README, 'Aanmelden / Signing in'). In Development you " +
            "can enable Authentication:DevelopmentSignIn:Enabled instead.",
            exception.Message);
    }

    [Fact]
    public async Task Production_WithEntraIdConfigured_Starts()
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile("Production", ProductionSignInTests.EntraSettings);

        using var live = await app.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevelopmentTokens_OutsideDevelopmentAndTesting_FailStartUp(string environment)
    {
        var settings = new Dictionary<string, string?>(ProductionSignInTests.EntraSettings)
        {
            [Admin.Api.ApiOptions.DevelopmentTokensEnabledKey] = "true",
            [Admin.Api.ApiOptions.DevelopmentTokensSigningKeyKey] = new string('k', 64),
        };
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile(environment, settings);

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.StartsWith(
            $"Development tokens are enabled (Api:DevelopmentTokens:Enabled = true) in the '{environment}' environment.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevelopmentTokens_WithoutASigningKey_FailStartUp()
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile(extraSettings: new Dictionary<string, string?>
        {
            [Admin.Api.ApiOptions.DevelopmentTokensSigningKeyKey] = "short",
        });

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Api:DevelopmentTokens:SigningKey is missing or shorter than 32 characters", exception.Message, StringComparison.Ordinal);
    }
}
