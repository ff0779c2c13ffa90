using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.TestData;

/// <summary>Builds an <see cref="Organisation"/>; only what a test cares about needs to be said.</summary>
internal sealed class OrganisationBuilder(int ovoNumber)
{
    private string _name = $"Organisatie {ovoNumber}";
    private string? _shortName;
    private Article? _article;
    private string? _description;
    private KboNumber? _kboNumber;
    private Validity _validity = Validity.Always;

    public OrganisationBuilder Named(string name, string? shortName = null)
    {
        _name = name;
        _shortName = shortName;
        return this;
    }

    public OrganisationBuilder WithArticle(Article article)
    {
        _article = article;
        return this;
    }

    public OrganisationBuilder DescribedAs(string description)
    {
        _description = description;
        return this;
    }

    public OrganisationBuilder WithKbo(KboNumber kboNumber)
    {
        _kboNumber = kboNumber;
        return this;
    }

    public OrganisationBuilder Valid(Validity validity)
    {
        _validity = validity;
        return this;
    }

    public OrganisationDetails Details() => new(_name, _shortName, _article, _description, _kboNumber, _validity);

    public Organisation Build() => Organisation.Create(OvoCode.FromNumber(ovoNumber), Details());
}

internal static class An
{
    /// <summary>An organisation with OVO code <c>OVO</c> + <paramref name="ovoNumber"/> (the messages name it).</summary>
    public static OrganisationBuilder Organisation(int ovoNumber) => new(ovoNumber);
}
