using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>
/// Central staff register the partner systems of the API as data: which client id acts for which organisation with
/// which scopes. Every write is audited like any other (the client is an audited entity). Clients are deactivated,
/// never deleted: the audit trail names the client id of every API write.
/// </summary>
public sealed class ApiClientService(RegistryWriter writer)
{
    private const string Administer = "API-clients beheren";

    public Task<Saved> RegisterAsync(RegistryUser user, RegisterApiClient command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, Administer);
            var db = write.Db;
            var clientId = command.ClientId.Trim();

            // Compared without case: SQL Server's unique index would, and "Kiosk" beside "kiosk" only confuses people.
            // The lock makes two registrations of the same id wait for each other, so the second one sees the first.
            var lowered = clientId.ToLowerInvariant();
            await write.LockAsync(RegistryLock.Value("api-client", lowered));
            var existing = await db.ApiClients.Where(c => c.ClientId.ToLower() == lowered).Select(c => c.ClientId).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                throw new DomainRuleException(RuleCodes.Duplicate, $"Er is al een API-client met client-id '{existing}'.");
            }

            var organisation = await db.Organisations.OrganisationAsync(command.OrganisationOvoCode, cancellationToken);
            var client = new ApiClient(clientId, command.Name, organisation.Id, command.Scopes);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(client.Id, client.Version);
        }, cancellationToken);

    public Task<Saved> ChangeAsync(RegistryUser user, ChangeApiClient command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, Administer);
            var db = write.Db;
            var client = await ClientAsync(db, command.ClientId, cancellationToken);
            write.ExpectVersion(client, command.ExpectedVersion);
            var organisation = await db.Organisations.OrganisationAsync(command.OrganisationOvoCode, cancellationToken);
            client.Update(command.Name, organisation.Id, command.Scopes, command.IsActive);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(client.Id, client.Version);
        }, cancellationToken);

    /// <summary>Deactivates (its tokens are refused from the next call on) or reactivates a client.</summary>
    public Task<Saved> SetActiveAsync(RegistryUser user, SetApiClientActive command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, Administer);
            var client = await ClientAsync(write.Db, command.ClientId, cancellationToken);
            write.ExpectVersion(client, command.ExpectedVersion);
            client.Update(client.Name, client.OrganisationId, client.AllowedScopes, command.IsActive);
            await write.Db.SaveChangesAsync(cancellationToken);
            return new Saved(client.Id, client.Version);
        }, cancellationToken);

    private static async Task<ApiClient> ClientAsync(RegistryDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var trimmed = clientId.Trim();
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == trimmed, cancellationToken);

        // Ordinal, as the API matches tokens: a case-insensitive collation (SQL Server) must not find "KIOSK" for "kiosk".
        return client is not null && string.Equals(client.ClientId, trimmed, StringComparison.Ordinal)
            ? client
            : throw new DomainRuleException(RuleCodes.NotFound, $"De API-client '{trimmed}' bestaat niet.");
    }
}
