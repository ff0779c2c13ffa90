namespace OrganisationRegistry.Domain.Persistence;

/// <summary>
/// A named counter kept in the database (portable across providers). <see cref="NextValue"/> is the next number to
/// hand out; numbers are never handed out twice, even when what used them is deleted.
/// </summary>
public sealed class RegistrySequence
{
    public const string OvoCode = "ovo-code";

    /// <summary>The next position of the audit trail (<c>Auditing/AuditChain</c>).</summary>
    public const string AuditPosition = "audit-position";
    public const int NameMaxLength = 50;

    private RegistrySequence()
    {
    }

    public RegistrySequence(string name, long nextValue)
    {
        Name = name;
        NextValue = nextValue;
    }

    public string Name { get; private set; } = null!;

    public long NextValue { get; private set; }

    /// <summary>
    /// The audit counter only: the hash of the last entry written (the head of the chain), kept on the row that every
    /// writer updates anyway, so that taking positions and reading the hash to chain to is one statement. <c>null</c>
    /// on other counters, on an empty trail, and on a trail written before this column existed (the writer then reads
    /// the last entry's hash, once).
    /// </summary>
    public byte[]? LastHash { get; private set; }

    internal void RecordHead(byte[] hash) => LastHash = hash;
}
