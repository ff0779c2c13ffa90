using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>A kind of identifier in another system (Orafin, Vlimpers, KIOSK, ...). Reference data.</summary>
public sealed class KeyType : IVersioned
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;

    private KeyType()
    {
    }

    public KeyType(string code, string name)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Rename(name);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public long Version { get; set; }

    public void Rename(string name) => Name = name;
}
