using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Hands out OVO codes in sequence from a counter row. Must run inside the transaction that stores the new
/// organisations: the UPDATE locks the counter until commit, so two writers never get the same code, and a
/// rolled-back transaction gives its numbers back (they were never visible to anyone).
/// </summary>
public static class OvoCodeIssuer
{
    public static async Task<OvoCode> NextAsync(RegistryDbContext db, CancellationToken cancellationToken = default) =>
        (await ReserveAsync(db, 1, cancellationToken))[0];

    public static async Task<IReadOnlyList<OvoCode>> ReserveAsync(RegistryDbContext db, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("OVO codes are reserved inside the transaction that stores the organisations.");
        }

        var updated = await db.Sequences
            .Where(s => s.Name == RegistrySequence.OvoCode)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"The sequence '{RegistrySequence.OvoCode}' is missing; run the migrations.");
        }

        var next = await db.Sequences
            .Where(s => s.Name == RegistrySequence.OvoCode)
            .Select(s => s.NextValue)
            .SingleAsync(cancellationToken);
        var first = next - count;
        if (next - 1 > OvoCode.MaxNumber)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, "Er zijn geen OVO-codes meer beschikbaar.");
        }

        return [.. Enumerable.Range(0, count).Select(i => OvoCode.FromNumber((int)(first + i)))];
    }
}
