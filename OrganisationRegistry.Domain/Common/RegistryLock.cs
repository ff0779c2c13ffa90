using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// A named lock that a write holds until its transaction ends (see <see cref="RegistryWrite.LockAsync"/>). Writes run
/// at READ COMMITTED so that writers of different organisations never wait for or abort each other; what one write's
/// rules read and another write could change at the same time is guarded by these locks instead:
/// <list type="bullet">
/// <item><see cref="Organisation(OvoCode)"/>: one organisation (aggregate) at a time: its general data, keys, structure and
/// assignments (overlaps, versions).</item>
/// <item><see cref="Structure"/>: the structure of the whole register; exclusive to change a parent link (cycles
/// across organisations), shared for writes whose rights follow the structure (an organisation manager's subtree).</item>
/// <item><see cref="Domain"/>: a domain's categories and stewards; exclusive to change them, shared to assign (the
/// category must stay active, the steward's right must stay).</item>
/// <item><see cref="DomainHierarchy"/>: parents within one domain (cycles within the domain).</item>
/// <item><see cref="Value"/>: a value that must be unique across the register (KBO number, key value, client id, ...).</item>
/// </list>
/// Names are public codes (OVO code, domain code), so a write can take its locks before reading anything.
/// </summary>
public sealed record RegistryLock(string Name, bool Shared = false)
{
    public static RegistryLock Organisation(OvoCode ovoCode) => new($"organisation:{ovoCode.Value}");

    /// <summary>The organisation named by a command (unparseable codes lock nothing useful and fail validation or lookup anyway).</summary>
    public static RegistryLock Organisation(string ovoCode) =>
        new($"organisation:{(OvoCode.TryParse(ovoCode, out var code) ? code.Value : ovoCode.Trim())}");

    public static RegistryLock Structure(bool shared) => new("structure", shared);

    public static RegistryLock Domain(string code, bool shared) => new($"domain:{code.Trim()}", shared);

    public static RegistryLock DomainHierarchy(string code) => new($"domain-hierarchy:{code.Trim()}");

    /// <summary>A unique value of a kind (<c>kbo</c>, <c>key:orafin</c>, <c>api-client</c>, ...).</summary>
    public static RegistryLock Value(string kind, string value) => new($"{kind}:{value}");
}
