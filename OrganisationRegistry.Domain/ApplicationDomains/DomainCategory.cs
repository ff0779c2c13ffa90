using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>A category within an application domain ("Vlaamse administratie - departement"). Reference data.</summary>
public sealed class DomainCategory : IVersioned
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 300;

    private DomainCategory()
    {
    }

    internal DomainCategory(Guid applicationDomainId, string code, string name, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        ApplicationDomainId = applicationDomainId;
        Code = code;
        Update(name, sortOrder, isActive: true);
    }

    public Guid Id { get; private set; }

    public Guid ApplicationDomainId { get; private set; }

    /// <summary>Stable code, unique within the domain.</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public int SortOrder { get; private set; }

    /// <summary>Inactive categories stay on existing assignments but cannot be chosen for new ones.</summary>
    public bool IsActive { get; private set; }

    public long Version { get; set; }

    public void Update(string name, int sortOrder, bool isActive)
    {
        Name = name;
        SortOrder = sortOrder;
        IsActive = isActive;
    }
}
