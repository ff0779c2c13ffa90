namespace OrganisationRegistry.Admin.Components.Pages.ApplicationDomains;

/// <summary>Links to the application domain pages and the export.</summary>
public static class ApplicationDomainLinks
{
    public const string List = "/toepassingsgebieden";

    public static string Detail(string code) => $"{List}/{Uri.EscapeDataString(code)}";

    public static string Bulk(string code) => $"{Detail(code)}/bulk";

    public static string Export(string code) => $"{Detail(code)}/export.csv";

    /// <summary>The report "who falls under the domain on a date, per category".</summary>
    public static string Report(string code) => $"{Detail(code)}/rapport";

    /// <summary>The changes in the domain between two dates.</summary>
    public static string Changes(string code) => $"{Detail(code)}/wijzigingen";

    public static string ChangesExport(string code) => $"{Detail(code)}/wijzigingen.csv";
}
