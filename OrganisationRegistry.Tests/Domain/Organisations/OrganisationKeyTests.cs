using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Domain.TestData;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

/// <summary>Keys: identifiers of the organisation in other systems.</summary>
public sealed class OrganisationKeyTests
{
    private readonly Organisation _organisation = An.Organisation(123).Build();
    private readonly KeyType _orafin = new("orafin", "Orafin");
    private readonly KeyType _vlimpers = new("vlimpers", "Vlimpers");

    [Fact]
    public void AddKey_KeepsTheTrimmedValueTypeAndPeriod()
    {
        var key = _organisation.AddKey(_orafin, " 12345 ", Since("01/01/2020"));

        Assert.Equal("12345", key.Value);
        Assert.Equal(_orafin.Id, key.KeyTypeId);
        Assert.Equal(_organisation.Id, key.OrganisationId);
        Assert.Equal(Since("01/01/2020"), key.Validity);
        Assert.Same(key, Assert.Single(_organisation.Keys));
    }

    [Fact]
    public void AddKey_SameValueOfTheSameTypeOnOverlappingPeriods_IsRefused()
    {
        _organisation.AddKey(_orafin, "12345", Period("01/01/2020", "31/12/2024"));

        Broken(
            RuleCodes.Duplicate,
            "OVO000123 heeft al de sleutel Orafin '12345' van 01/01/2020 tot 31/12/2024.",
            () => _organisation.AddKey(_orafin, " 12345", Since("31/12/2024")));
        Assert.Single(_organisation.Keys);
    }

    [Fact]
    public void AddKey_SameValueOfTheSameTypeOnOtherDates_IsAccepted()
    {
        _organisation.AddKey(_orafin, "12345", Until("31/12/2019"));
        _organisation.AddKey(_orafin, "12345", Since("01/01/2020"));

        Assert.Equal(2, _organisation.Keys.Count);
    }

    [Fact]
    public void AddKey_SameValueOfAnotherType_IsAccepted()
    {
        _organisation.AddKey(_orafin, "12345", Validity.Always);
        _organisation.AddKey(_vlimpers, "12345", Validity.Always);

        Assert.Equal(2, _organisation.Keys.Count);
    }

    [Fact]
    public void AddKey_AnotherValueOfTheSameType_IsAccepted()
    {
        _organisation.AddKey(_orafin, "12345", Validity.Always);
        _organisation.AddKey(_orafin, "67890", Validity.Always);

        Assert.Equal(2, _organisation.Keys.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AddKey_WithoutValue_IsRefused(string value) =>
        Broken(RuleCodes.InvalidValue, "De waarde van een sleutel is verplicht.", () => _organisation.AddKey(_orafin, value, Validity.Always));

    [Fact]
    public void ChangeKey_ExcludesItselfFromTheDuplicateCheck()
    {
        var key = _organisation.AddKey(_orafin, "12345", Period("01/01/2020", "31/12/2020"));

        _organisation.ChangeKey(key.Id, _orafin, "12345 ", Since("01/01/2019"));

        Assert.Equal("12345", key.Value);
        Assert.Equal(Since("01/01/2019"), key.Validity);
    }

    [Fact]
    public void ChangeKey_IntoAnExistingValue_IsRefused()
    {
        _organisation.AddKey(_orafin, "12345", Validity.Always);
        var other = _organisation.AddKey(_orafin, "67890", Validity.Always);

        Broken(
            RuleCodes.Duplicate,
            "OVO000123 heeft al de sleutel Orafin '12345' zonder begin- of einddatum.",
            () => _organisation.ChangeKey(other.Id, _orafin, "12345", Validity.Always));
        Assert.Equal("67890", other.Value);
    }

    [Fact]
    public void ChangeKey_WithAnotherKeyType_IsRefused_AndChangesNothing()
    {
        // Otherwise the duplicate check would run against the other type while the key keeps its own.
        _organisation.AddKey(_orafin, "12345", Validity.Always);
        var key = _organisation.AddKey(_vlimpers, "67890", Validity.Always);

        Broken(
            RuleCodes.InvalidValue,
            "Het sleuteltype van een sleutel kan niet wijzigen; verwijder de sleutel en maak een nieuwe.",
            () => _organisation.ChangeKey(key.Id, _orafin, "67890", Validity.Always));
        Assert.Equal(_vlimpers.Id, key.KeyTypeId);
        Assert.Equal("67890", key.Value);
    }

    [Fact]
    public void ChangeKey_UnknownKey_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(
            RuleCodes.NotFound,
            $"De sleutel met id {id} bestaat niet (meer) bij OVO000123.",
            () => _organisation.ChangeKey(id, _orafin, "1", Validity.Always));
    }

    [Fact]
    public void RemoveKey_RemovesIt()
    {
        var key = _organisation.AddKey(_orafin, "12345", Validity.Always);

        _organisation.RemoveKey(key.Id);

        Assert.Empty(_organisation.Keys);
    }

    [Fact]
    public void RemoveKey_UnknownKey_IsNotFound()
    {
        var id = Guid.NewGuid();

        Broken(RuleCodes.NotFound, $"De sleutel met id {id} bestaat niet (meer) bij OVO000123.", () => _organisation.RemoveKey(id));
    }
}
