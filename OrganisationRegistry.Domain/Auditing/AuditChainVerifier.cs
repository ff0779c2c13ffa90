using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>Where the chain breaks: the first entry that does not follow from the ones before it.</summary>
/// <param name="Position">The position of that entry (or, for entries missing at the end, the first missing position).</param>
/// <param name="Problem">What is wrong, for an operator.</param>
public sealed record AuditChainBreak(long Position, string Problem);

/// <summary>A head recorded outside the database earlier (what <c>verify-audit</c> printed): entry <paramref name="Position"/> had hash <paramref name="Hash"/> (hex).</summary>
public sealed record AuditAnchor(long Position, string Hash);

/// <summary>The outcome of checking the whole trail.</summary>
public sealed record AuditVerification(long Entries, long LastPosition, string? LastHash, AuditChainBreak? Break)
{
    public bool IsIntact => Break is null;
}

/// <summary>
/// Checks the whole audit trail in position order, streaming (one entry in memory at a time, whatever the size):
/// positions run 1, 2, 3, ... without gaps, every hash is SHA-256 over the previous hash and the entry's content as
/// stored now, and the trail is as long as the counter says and ends with the hash the counter records. Stops at the
/// first entry that breaks the chain: a changed entry breaks at itself, a removed one at the entry after it, swapped
/// ones at the first of them.
/// </summary>
public static class AuditChainVerifier
{
    /// <param name="anchor">
    /// A head recorded earlier: the trail must still hold that entry with that hash. A chain alone cannot notice a
    /// rewrite of everything from some entry on (hashes and counter included); an anchor kept elsewhere can.
    /// </param>
    public static async Task<AuditVerification> VerifyAsync(
        RegistryDbContext db, AuditAnchor? anchor = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        static ReadOnlySpan<byte> Previous(byte[]? hash) => hash is null ? AuditHash.Genesis : hash;
        byte[]? previous = null;
        long expected = 1;
        long count = 0;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Position).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.Position != expected)
            {
                var missing = entry.Position - 1 == expected ? $"entry {expected} is missing" : $"entries {expected} to {entry.Position - 1} are missing";
                return new(count, expected - 1, Hex(previous), new(entry.Position, $"Entry {entry.Position} follows entry {expected - 1}: {missing}."));
            }

            if (!AuditHash.Compute(Previous(previous), entry).AsSpan().SequenceEqual(entry.Hash))
            {
                return new(count, expected - 1, Hex(previous), new(
                    entry.Position,
                    $"Entry {entry.Position} ({entry.Operation} {entry.EntityType} {entry.EntityKey}) does not match its hash: " +
                    "its content, its hash or its place in the chain was changed after it was written."));
            }

            if (anchor is not null && entry.Position == anchor.Position && !string.Equals(Hex(entry.Hash), anchor.Hash.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return new(count, expected - 1, Hex(previous), new(
                    entry.Position,
                    $"Entry {entry.Position} has hash {Hex(entry.Hash)}, but {anchor.Hash.Trim().ToLowerInvariant()} was recorded for it: the trail was rewritten up to here."));
            }

            previous = entry.Hash;
            count++;
            expected++;
            if (count % 100_000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        var last = expected - 1;

        // Entries removed from the end leave the chain itself intact; the counter still knows how far it went, and the
        // hash of the last entry written (so a rewritten last entry must come with a rewritten counter too).
        var counter = await db.Sequences.AsNoTracking()
            .Where(s => s.Name == RegistrySequence.AuditPosition)
            .Select(s => new { s.NextValue, s.LastHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (counter is not null && counter.NextValue - 1 > last)
        {
            return new(count, last, Hex(previous), new(
                last + 1,
                $"The trail ends at entry {last}, but entries up to {counter.NextValue - 1} were written: the last {counter.NextValue - 1 - last} are missing."));
        }

        if (counter is not null && last > 0 && !(counter.LastHash ?? []).AsSpan().SequenceEqual(previous))
        {
            return new(count, last, Hex(previous), new(
                last,
                $"Entry {last}, the last, has hash {Hex(previous)}, but the counter records {Hex(counter.LastHash) ?? "none"} as the last hash written: " +
                "the last entry or the counter was changed after it was written."));
        }

        if (anchor is not null && anchor.Position > last)
        {
            return new(count, last, Hex(previous), new(
                last + 1,
                $"Entry {anchor.Position} was recorded earlier, but the trail ends at entry {last}."));
        }

        return new(count, last, Hex(previous), null);
    }

    private static string? Hex(byte[]? hash) => hash is null ? null : Convert.ToHexStringLower(hash);
}
