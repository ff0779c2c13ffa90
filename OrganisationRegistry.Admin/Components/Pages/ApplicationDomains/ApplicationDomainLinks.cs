namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>Links to the application domain pages and the export.</summary>
public static class ApplicationDomainLinks
{
    public const string List = "/toepassingsgebieden";

    public static string Detail(string code) => $"{List}/{Uri.EscapeDataString(code)}";

    public static string Bulk(string code) => $"{Detail(code)}/bulk";

    public static string Export(string code) => $"{Detail(code)}/export.csv";
}
