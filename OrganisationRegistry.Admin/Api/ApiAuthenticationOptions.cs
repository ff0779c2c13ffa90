namespace OrganisationRegistry.Admin.Api;

/// <summary>The configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary><c>Api:DevelopmentTokens:Enabled</c>: the API accepts tokens of the <c>dev-token</c> command (Development and Testing only).</summary>
    public const string DevelopmentTokensEnabledKey = SectionName + ":DevelopmentTokens:Enabled";

    /// <summary><c>Api:DevelopmentTokens:SigningKey</c>.</summary>
    public const string DevelopmentTokensSigningKeyKey = SectionName + ":DevelopmentTokens:SigningKey";

    public DevelopmentTokenOptions DevelopmentTokens { get; set; } = new();
}

/// <summary>
/// Development tokens: signed with a shared key from the configuration (appsettings.Development.json), so that the
/// <c>dev-token</c> command and the running app agree without an identity provider. Never outside Development and
/// Testing (the start-up guard and the command both refuse).
/// </summary>
public sealed class DevelopmentTokenOptions
{
    public const string Issuer = "organisation-registry-development";

    public const string Audience = "api://organisation-registry";

    /// <summary>At least 32 bytes of text (HMAC-SHA256).</summary>
    public const int MinimumKeyLength = 32;

    public bool Enabled { get; set; }

    public string? SigningKey { get; set; }
}
