using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Admin.Components.Pages.Organisations;

/// <summary>Links to the organisation pages.</summary>
public static class OrganisationLinks
{
    public const string List = "/organisaties";

    public static string Detail(OvoCode ovoCode) => $"{List}/{ovoCode.Value}";
}
