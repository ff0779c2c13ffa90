using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Admin.ApplicationDomains;

/// <summary>
/// GET <c>/toepassingsgebieden/{code}/export.csv?geldigOp=yyyy-MM-dd&amp;categorie=...</c>: the organisations assigned to a
/// domain on a date (default today), optionally in one category, as CSV streamed row by row from the database.
/// </summary>
public static class ApplicationDomainExportEndpoints
{
    public const string ValidOnParameter = "geldigOp";
    public const string CategoryParameter = "categorie";

    public static IEndpointRouteBuilder MapApplicationDomainExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/toepassingsgebieden/{code}/export.csv", ExportAsync).WithName("ApplicationDomainExport");
        return endpoints;
    }

    internal static async Task<Results<PushStreamHttpResult, NotFound<ProblemDetails>, ValidationProblem>> ExportAsync(
        string code,
        [FromQuery(Name = ValidOnParameter)] string? validOn,
        [FromQuery(Name = CategoryParameter)] string? category,
        ApplicationDomainQueries queries,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var date = string.IsNullOrWhiteSpace(validOn) ? RegistryDates.Today(clock) : RegistryDates.FromQuery(validOn);
        if (date is not { } on)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ValidOnParameter] = [$"'{validOn}' is geen datum; gebruik jjjj-mm-dd, bv. 2025-01-31."] },
                title: "De vraag is niet geldig.");
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
        return TypedResults.Stream(
            stream => queries.WriteCsvAsync(domain.Code, filter, stream, cancellationToken),
            "text/csv; charset=utf-8",
            fileName);
    }

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Niet gevonden",
            Detail = detail,
        });
}
