namespace OrganisationRegistry.Admin.Authentication;

/// <summary>The configuration section <c>Authentication</c>.</summary>
public sealed class RegistrySignInOptions
{
    public const string SectionName = "Authentication";

    /// <summary><c>Authentication:DevelopmentSignIn:Enabled</c>: the persona picker replaces Entra ID (Development and Testing only).</summary>
    public const string DevelopmentSignInEnabledKey = SectionName + ":DevelopmentSignIn:Enabled";

    /// <summary><c>Authentication:OrganisationClaimType</c>.</summary>
    public const string OrganisationClaimTypeKey = SectionName + ":" + nameof(OrganisationClaimType);

    /// <summary>The configuration section of Microsoft.Identity.Web (Entra ID).</summary>
    public const string AzureAdSectionName = "AzureAd";

    public const string DefaultOrganisationClaimType = "ovo";

    /// <summary>The claim of the identity provider that carries the OVO code of the user's organisation.</summary>
    public string OrganisationClaimType { get; set; } = DefaultOrganisationClaimType;

    public DevelopmentSignInOptions DevelopmentSignIn { get; set; } = new();
}

public sealed class DevelopmentSignInOptions
{
    public bool Enabled { get; set; }
}
