using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>A policy domain (beleidsdomein) of the Flemish government, grouping its departments and agencies.</summary>
public sealed class PolicyDomain : IVersioned
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;

    private PolicyDomain()
    {
    }

    public PolicyDomain(string code, string name)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public long Version { get; set; }
}
