using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// An identifier of the organisation in another system, valid for a period. One value of a key type belongs to at
/// most one organisation at any moment (checked across the register by the service that adds keys).
/// </summary>
public sealed class OrganisationKey : IVersioned
{
    public const int ValueMaxLength = 200;

    private OrganisationKey()
    {
    }

    internal OrganisationKey(Guid organisationId, Guid keyTypeId, string value, Validity validity)
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        KeyTypeId = keyTypeId;
        Change(value, validity);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid KeyTypeId { get; private set; }

    public KeyType? KeyType { get; private set; }

    public string Value { get; private set; } = null!;

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public long Version { get; set; }

    public Validity Validity => new(ValidFrom, ValidTo);

    internal void Change(string value, Validity validity)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, "De waarde van een sleutel is verplicht.");
        }

        Value = value.Trim();
        ValidFrom = validity.From;
        ValidTo = validity.To;
    }
}
