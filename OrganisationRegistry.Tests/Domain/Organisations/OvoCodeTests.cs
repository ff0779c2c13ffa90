using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

public sealed class OvoCodeTests
{
    [Theory]
    [InlineData("OVO000123", 123)]
    [InlineData("ovo000123", 123)]
    [InlineData("Ovo000123", 123)]
    [InlineData("  OVO000123 ", 123)]
    [InlineData("\tOVO000001\n", 1)]
    [InlineData("OVO999999", 999_999)]
    public void Parse_ValidCode_GivesItsNumberInCanonicalForm(string text, int number)
    {
        var code = OvoCode.Parse(text);

        Assert.Equal(number, code.Number);
        Assert.Equal($"OVO{number:D6}", code.Value);
        Assert.Equal(code.Value, code.ToString());
        Assert.True(OvoCode.TryParse(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("OVO12345")]
    [InlineData("OVO0001234")]
    [InlineData("OVO00012A")]
    [InlineData("OVO 00123")]
    [InlineData("OVO-00123")]
    [InlineData("OVO+00123")]
    [InlineData("OVO000000")]
    [InlineData("OVA000123")]
    [InlineData("000000123")]
    [InlineData("OVO٠٠٠١٢٣")]
    [InlineData("OVO000 123")]
    public void Parse_InvalidCode_IsRefusedWithAnExample(string text)
    {
        Assert.False(OvoCode.TryParse(text, out _));
        Broken(
            RuleCodes.InvalidValue,
            $"'{text}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).",
            () => OvoCode.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Nothing_IsRefused(string? text)
    {
        Assert.False(OvoCode.TryParse(text, out _));
        Broken(RuleCodes.InvalidValue, () => OvoCode.Parse(text));
    }

    [Theory]
    [InlineData(1, "OVO000001")]
    [InlineData(123, "OVO000123")]
    [InlineData(999_999, "OVO999999")]
    public void FromNumber_WithinBounds_IsZeroPadded(int number, string expected)
    {
        var code = OvoCode.FromNumber(number);

        Assert.Equal(expected, code.Value);
        Assert.Equal(code, OvoCode.Parse(expected));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    [InlineData(int.MaxValue)]
    public void FromNumber_OutOfBounds_IsRefused(int number) =>
        Broken(
            RuleCodes.InvalidValue,
            $"Een OVO-code heeft een nummer van 1 tot 999999, niet {number}.",
            () => OvoCode.FromNumber(number));

    [Fact]
    public void Equality_IsByNumber() => Assert.Equal(OvoCode.FromNumber(7), OvoCode.Parse("ovo000007"));
}
