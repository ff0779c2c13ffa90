namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>MudBlazor's classes for markup written as plain HTML where a component per element costs too much (long tables).</summary>
public static class RegistryCss
{
    /// <summary>What <c>MudLink</c> renders with its defaults (primary colour, underline on hover, body text).</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1";
}
