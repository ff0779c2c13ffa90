using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// The common prologue of every write service call: validate the command with the validator beside it, then run the
/// work as one <see cref="RegistryWrite"/> carrying the user (and a reason) in its <see cref="AuditContext"/>.
/// </summary>
public sealed class RegistryWriter(IDbContextFactory<RegistryDbContext> contexts, CommandValidator validator)
{
    internal IDbContextFactory<RegistryDbContext> Contexts => contexts;

    internal Task ValidateAsync<TCommand>(TCommand command, CancellationToken cancellationToken) =>
        validator.ValidateAsync(command, cancellationToken);

    internal async Task<T> WriteAsync<TCommand, T>(
        RegistryUser user,
        TCommand command,
        Func<RegistryWrite, Task<T>> work,
        CancellationToken cancellationToken,
        string? reason = null)
    {
        await validator.ValidateAsync(command, cancellationToken);
        return await RegistryWrite.RunAsync(contexts, AuditContext.For(user, reason), work, cancellationToken);
    }
}
