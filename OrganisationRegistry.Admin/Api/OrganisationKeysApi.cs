using Microsoft.AspNetCore.Mvc;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The keys of an organisation (its identifiers in other systems): list, one key (with <c>ETag</c>) and add one, through
/// <see cref="OrganisationService.AddKeyAsync"/> (rights: as for the organisation's general data).
/// </summary>
public static class OrganisationKeysApi
{
    private static readonly string[] AddFields = ["keyType", "value", "validFrom", "validTo"];

    public static RouteGroupBuilder MapOrganisationKeysApi(this RouteGroupBuilder organisations)
    {
        organisations.MapGet("/{ovo}/keys", ListAsync)
            .WithName("ListOrganisationKeys")
            .WithSummary("Sleutels van een organisatie")
            .WithDescription("Alle sleutels over de tijd, of met validOn (jjjj-mm-dd) alleen die van die datum; per sleuteltype en begindatum, per pagina.")
            .Produces<ApiPage<OrganisationKeyResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapGet("/{ovo}/keys/{id}", GetAsync)
            .WithName("GetOrganisationKey")
            .WithSummary("Eén sleutel van een organisatie")
            .Produces<OrganisationKeyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPost("/{ovo}/keys", AddAsync)
            .WithName("AddOrganisationKey")
            .WithSummary("Een sleutel toevoegen aan een organisatie")
            .WithDescription(
                "Een waarde van een sleuteltype hoort op elk moment bij één organisatie: 409 (duplicate) noemt de organisatie " +
                "die ze al heeft. Een organisatiebeheerder (scope organisations.write) voegt sleutels toe binnen de eigen organisatie en haar dochters.")
            .WithJsonRequestBody<AddOrganisationKeyRequest>(OrganisationRequestBody.Json)
            .Produces<OrganisationKeyResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return organisations;
    }

    private static async Task<IResult> ListAsync(
        string ovo,
        OrganisationEditQueries editQueries,
        [FromQuery] string? validOn,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is null)
        {
            return OrganisationsApi.NotFound(ovo);
        }

        var query = OrganisationListQuery.Read(page, pageSize, validOn);
        if (query.Problem is { } problem)
        {
            return problem;
        }

        // An organisation has a handful of keys: they are read at once and paged here.
        var keys = await editQueries.KeysAsync(code, query.ValidOn, cancellationToken);
        return TypedResults.Ok(new ApiPage<OrganisationKeyResponse>(
            [.. keys.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(OrganisationKeyResponse.From)],
            query.Page,
            query.PageSize,
            keys.Count));
    }

    private static async Task<IResult> GetAsync(
        string ovo,
        string id,
        HttpContext context,
        OrganisationEditQueries editQueries,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is null)
        {
            return OrganisationsApi.NotFound(ovo);
        }

        var key = Guid.TryParse(id, out var keyId)
            ? (await editQueries.KeysAsync(code, asOn: null, cancellationToken)).FirstOrDefault(k => k.Id == keyId)
            : null;
        if (key is null)
        {
            return new ProblemResult(ApiProblems.NotFound($"{code} heeft geen sleutel met id '{(id.Length <= 60 ? id : id[..60] + "…")}'."));
        }

        ApiETags.Set(context.Response, key.Version);
        return TypedResults.Ok(OrganisationKeyResponse.From(key));
    }

    private static async Task<IResult> AddAsync(
        string ovo,
        HttpContext context,
        OrganisationService service,
        OrganisationEditQueries editQueries,
        CancellationToken cancellationToken)
    {
        if (!OvoCode.TryParse(ovo, out var code) || await editQueries.GetAsync(code, cancellationToken) is null)
        {
            return OrganisationsApi.NotFound(ovo);
        }

        var (body, problem) = await OrganisationRequestBody.ReadAsync(context.Request, [OrganisationRequestBody.Json], AddFields, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var command = new AddOrganisationKey(
            code.Value,
            body!.Text("keyType") ?? string.Empty,
            body.Text("value") ?? string.Empty,
            body.Date("validFrom"),
            body.Date("validTo"));
        if (body.Problem is { } invalid)
        {
            return invalid;
        }

        Saved saved;
        try
        {
            saved = await service.AddKeyAsync(RegistryUser.FromPrincipal(context.User), command, cancellationToken);
        }
        catch (DomainRuleException rule) when (rule.Code == RuleCodes.NotFound)
        {
            // The organisation exists (checked above): what was not found is the key type of the body.
            return new ProblemResult(ApiProblems.Validation("keyType", rule.Message));
        }

        var key = (await editQueries.KeysAsync(code, asOn: null, cancellationToken)).FirstOrDefault(k => k.Id == saved.Id)
            ?? throw new InvalidOperationException($"Key {saved.Id} of {code} was added but cannot be read.");
        ApiETags.Set(context.Response, key.Version);
        return TypedResults.Created(OrganisationResponses.KeyLocation(code, key.Id), OrganisationKeyResponse.From(key));
    }
}
