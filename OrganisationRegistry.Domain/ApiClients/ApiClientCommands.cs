using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>What a command gives of a client's registration (register and change).</summary>
public interface IApiClientDetailsCommand
{
    string Name { get; }

    string OrganisationOvoCode { get; }

    IReadOnlyList<string> Scopes { get; }
}

/// <summary>The rules for a client's name, organisation and scopes, included by the register and change validators.</summary>
public sealed class ApiClientDetailsValidator : AbstractValidator<IApiClientDetailsCommand>
{
    public ApiClientDetailsValidator()
    {
        RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("De naam is verplicht.")
            .Text(ApiClient.NameMaxLength, "De naam");
        RuleFor(c => c.OrganisationOvoCode).Required("De organisatie waarvoor de client handelt").OvoCode();
        RuleFor(c => c.Scopes)
            .Must(scopes => scopes is { Count: > 0 }).WithMessage("Kies minstens één scope.")
            .Must(scopes => scopes is null || scopes.All(ApiScopes.IsKnown))
            .WithMessage((_, scopes) =>
                $"'{scopes.First(s => !ApiScopes.IsKnown(s))}' is geen scope van de API. Kies uit: {string.Join(", ", ApiScopes.All)}.");
    }
}

/// <summary>
/// Register a partner system as a client of the API (central staff only): <paramref name="ClientId"/> is the client id
/// its tokens carry (the application id of its app registration), permanent, because the audit trail names the client
/// by it.
/// </summary>
public sealed record RegisterApiClient(string ClientId, string Name, string OrganisationOvoCode, IReadOnlyList<string> Scopes)
    : IApiClientDetailsCommand;

public sealed class RegisterApiClientValidator : AbstractValidator<RegisterApiClient>
{
    public RegisterApiClientValidator()
    {
        // ASCII only: the column is not Unicode, and identity providers issue client ids in this alphabet (GUIDs, URIs).
        RuleFor(c => c.ClientId).Cascade(CascadeMode.Stop).Required("De client-id")
            .Text(ApiClient.ClientIdMaxLength, "De client-id")
            .Matches("^[A-Za-z0-9._:-]+$")
            .WithMessage("De client-id bestaat uit letters, cijfers en de tekens - _ . : (zonder spaties), bv. 3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90 of kiosk.");
        Include(new ApiClientDetailsValidator());
    }
}

/// <summary>Change a client's name, organisation, scopes and whether it is active (its client id is permanent).</summary>
public sealed record ChangeApiClient(
    string ClientId,
    long ExpectedVersion,
    string Name,
    string OrganisationOvoCode,
    IReadOnlyList<string> Scopes,
    bool IsActive) : IApiClientDetailsCommand;

public sealed class ChangeApiClientValidator : AbstractValidator<ChangeApiClient>
{
    public ChangeApiClientValidator()
    {
        RuleFor(c => c.ClientId).Required("De API-client");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        Include(new ApiClientDetailsValidator());
    }
}

/// <summary>
/// Deactivate a client (its tokens are refused from the next call on) or reactivate it. A client is never deleted:
/// the audit trail keeps naming it.
/// </summary>
public sealed record SetApiClientActive(string ClientId, long ExpectedVersion, bool IsActive);

public sealed class SetApiClientActiveValidator : AbstractValidator<SetApiClientActive>
{
    public SetApiClientActiveValidator()
    {
        RuleFor(c => c.ClientId).Required("De API-client");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
    }
}
