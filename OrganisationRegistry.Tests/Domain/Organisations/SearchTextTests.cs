using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.Organisations;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Financiën", "financien")]
    [InlineData("FINANCIËN", "financien")]
    [InlineData("Agentschap Zorg & Gezondheid", "agentschap zorg & gezondheid")]
    [InlineData("  Departement   Cultuur,\tJeugd\nen  Media ", "departement cultuur, jeugd en media")]
    [InlineData("Économie\u00a0Wallonië", "economie wallonie")]
    [InlineData("Ça va, Müller, Ångström, Señor", "ca va, muller, angstrom, senor")]
    [InlineData("Financie\u0308n", "financien")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Normalise_IsLowerCase_WithoutDiacritics_WithSingleSpaces(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(text));

    [Fact]
    public void For_NameAndShortName_AreBothSearchable() =>
        Assert.Equal("departement financien en begroting | dfb", SearchText.For("Departement Financiën en Begroting", " DFB "));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void For_WithoutShortName_IsTheName(string? shortName) =>
        Assert.Equal("vlaamse milieumaatschappij", SearchText.For("Vlaamse Milieumaatschappij", shortName));
}
