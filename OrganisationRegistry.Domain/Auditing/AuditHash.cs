using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// The chain of the trail: an entry's hash is SHA-256 over the previous entry's hash (32 zero bytes before the first
/// entry) followed by the entry's canonical content. Changing, removing or reordering any entry changes the hash that
/// every later entry was written with, so <see cref="AuditChainVerifier"/> finds the first entry that no longer follows.
/// </summary>
/// <remarks>
/// The canonical content is simple enough to check from any language: the ASCII line <c>audit-v1</c>, then every field
/// in this order, each as <c>N\n</c> when null or <c>S{byte length}:{UTF-8 bytes}\n</c> otherwise: position (decimal),
/// occurred at (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), actor id, actor name, actor kind, actor organisation, channel,
/// operation (enum names), entity type, entity key, organisation OVO code, domain code, old values, new values,
/// correlation id, reason. The length prefix makes the encoding unambiguous whatever a value contains.
/// </remarks>
public static class AuditHash
{
    private static readonly byte[] Zeros = new byte[AuditEntry.HashLength];

    [ThreadStatic]
    private static IncrementalHash? _sha256;

    /// <summary>The hash "before" the first entry: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => Zeros;

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, AuditEntry entry)
    {
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(previousHash);
        sha256.AppendData("audit-v1\n"u8);
        Append(sha256, entry.Position.ToString(CultureInfo.InvariantCulture));
        Append(sha256, entry.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(sha256, entry.ActorId);
        Append(sha256, entry.ActorName);
        Append(sha256, entry.ActorKind.ToString());
        Append(sha256, entry.ActorOrganisation);
        Append(sha256, entry.Channel.ToString());
        Append(sha256, entry.Operation.ToString());
        Append(sha256, entry.EntityType);
        Append(sha256, entry.EntityKey);
        Append(sha256, entry.OrganisationOvoCode);
        Append(sha256, entry.DomainCode);
        Append(sha256, entry.OldValues);
        Append(sha256, entry.NewValues);
        Append(sha256, entry.CorrelationId);
        Append(sha256, entry.Reason);
        return sha256.GetHashAndReset();
    }

    private static void Append(IncrementalHash sha256, string? value)
    {
        if (value is null)
        {
            sha256.AppendData("N\n"u8);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = ArrayPool<byte>.Shared.Rent(length + 24);
        try
        {
            var written = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"S{length}:"), buffer);
            written += Encoding.UTF8.GetBytes(value, buffer.AsSpan(written));
            buffer[written++] = (byte)'\n';
            sha256.AppendData(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
