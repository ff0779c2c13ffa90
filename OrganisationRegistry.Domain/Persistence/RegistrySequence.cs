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
}
