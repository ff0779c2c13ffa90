using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Admin.ApplicationDomains;

/// <summary>
/// The CSV downloads of the domain pages, streamed row by row from the database, for anyone signed in (as the pages):
/// <list type="bullet">
/// <item>GET <c>/toepassingsgebieden/{code}/export.csv?geldigOp=yyyy-MM-dd&amp;categorie=...&amp;volgorde=categorie</c>: the
/// organisations assigned to a domain on a date (default today), optionally in one category, by name or (the report)
/// by category and then name.</item>
/// <item>GET <c>/toepassingsgebieden/{code}/wijzigingen.csv?van=yyyy-MM-dd&amp;tot=yyyy-MM-dd&amp;soort=...</c>: the changes
/// between two dates (entered, left, moved category), optionally of one kind.</item>
/// </list>
/// </summary>
public static class ApplicationDomainExportEndpoints
{
    public const string ValidOnParameter = "geldigOp";
    public const string CategoryParameter = "categorie";
    public const string OrderParameter = "volgorde";
    public const string ByCategory = "categorie";
    public const string FromParameter = "van";
    public const string ToParameter = "tot";
    public const string KindParameter = "soort";

    public static IEndpointRouteBuilder MapApplicationDomainExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/toepassingsgebieden/{code}/export.csv", ExportAsync).WithName("ApplicationDomainExport");
        endpoints.MapGet("/toepassingsgebieden/{code}/wijzigingen.csv", ExportChangesAsync).WithName("ApplicationDomainChangesExport");
        return endpoints;
    }

    internal static async Task<Results<PushStreamHttpResult, NotFound<ProblemDetails>, ValidationProblem>> ExportAsync(
        string code,
        [FromQuery(Name = ValidOnParameter)] string? validOn,
        [FromQuery(Name = CategoryParameter)] string? category,
        [FromQuery(Name = OrderParameter)] string? order,
        ApplicationDomainQueries queries,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var date = string.IsNullOrWhiteSpace(validOn) ? RegistryDates.Today(clock) : RegistryDates.FromQuery(validOn);
        if (date is not { } on)
        {
            return Invalid(ValidOnParameter, NotADate(validOn));
        }

        var domain = await queries.GetAsync(code, on, cancellationToken);
        if (domain is null)
        {
            return NotFound($"Er is geen toepassingsgebied met code '{code}'.");
        }

        category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (category is not null && domain.Categories.All(c => c.Code != category))
        {
            return NotFound($"Het toepassingsgebied {domain.Name} heeft geen categorie met code '{category}'.");
        }

        var fileName = category is null
            ? $"{domain.Code}-{RegistryDates.ToQuery(on)}.csv"
            : $"{domain.Code}-{category}-{RegistryDates.ToQuery(on)}.csv";
        var filter = new DomainMemberFilter(on, category);
        var sort = string.Equals(order, ByCategory, StringComparison.OrdinalIgnoreCase) ? DomainMemberSort.Category : DomainMemberSort.Name;
        return TypedResults.Stream(
            stream => queries.WriteCsvAsync(domain.Code, filter, stream, cancellationToken, sort),
            CsvContentType,
            fileName);
    }

    internal static async Task<Results<PushStreamHttpResult, NotFound<ProblemDetails>, ValidationProblem>> ExportChangesAsync(
        string code,
        [FromQuery(Name = FromParameter)] string? from,
        [FromQuery(Name = ToParameter)] string? to,
        [FromQuery(Name = KindParameter)] string? kind,
        ApplicationDomainQueries queries,
        AssignmentEditQueries domains,
        CancellationToken cancellationToken)
    {
        if (RegistryDates.FromQuery(from) is not { } first)
        {
            return Invalid(FromParameter, NotADate(from));
        }

        if (RegistryDates.FromQuery(to) is not { } last)
        {
            return Invalid(ToParameter, NotADate(to));
        }

        if (DomainChangesFilter.PeriodError(first, last) is { } periodError)
        {
            return Invalid(ToParameter, periodError);
        }

        DomainChangeKind? changeKind = null;
        if (!string.IsNullOrWhiteSpace(kind) && (changeKind = DomainChangeKinds.FromCode(kind)) is null)
        {
            return Invalid(KindParameter, $"'{kind}' is geen soort wijziging; gebruik entered, left of moved.");
        }

        if (await domains.DomainIdAsync(code, cancellationToken) is null)
        {
            return NotFound($"Er is geen toepassingsgebied met code '{code}'.");
        }

        var filter = new DomainChangesFilter(first, last, changeKind);
        var fileName = $"{code}-wijzigingen-{RegistryDates.ToQuery(first)}-{RegistryDates.ToQuery(last)}"
            + (changeKind is { } k ? $"-{DomainChangeKinds.Code(k)}" : string.Empty) + ".csv";
        return TypedResults.Stream(
            stream => queries.WriteChangesCsvAsync(code, filter, stream, cancellationToken),
            CsvContentType,
            fileName);
    }

    private const string CsvContentType = "text/csv; charset=utf-8";

    private static string NotADate(string? text) => string.IsNullOrWhiteSpace(text)
        ? "Geef een datum op; gebruik jjjj-mm-dd, bv. 2025-01-31."
        : $"'{text}' is geen datum; gebruik jjjj-mm-dd, bv. 2025-01-31.";

    private static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: "De vraag is niet geldig.");

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Niet gevonden",
            Detail = detail,
        });
}
