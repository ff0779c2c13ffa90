using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Organisations;

public sealed class KboNumberTests
{
    // 97 - (01234567 mod 97) = 49
    private const string Valid = "0123456749";

    [Theory]
    [InlineData("0123.456.749")]
    [InlineData("0123456749")]
    [InlineData("BE0123456749")]
    [InlineData("be0123456749")]
    [InlineData("BE 0123.456.749")]
    [InlineData("BE0123.456.749")]
    [InlineData("0123 456 749")]
    [InlineData("  0123.456.749  ")]
    [InlineData("123456749")]
    [InlineData("123.456.749")]
    public void Parse_AcceptedNotation_GivesTheTenDigits(string text)
    {
        var number = KboNumber.Parse(text);

        Assert.Equal(Valid, number.Digits);
        Assert.True(KboNumber.TryParse(text, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void Formatted_IsTheUsualNotation()
    {
        var number = KboNumber.Parse("BE0123456749");

        Assert.Equal("0123.456.749", number.Formatted);
        Assert.Equal("0123.456.749", number.ToString());
    }

    [Theory]
    [InlineData("0123.456.748")]
    [InlineData("0123456750")]
    [InlineData("BE0123456700")]
    [InlineData("123456748")]
    public void Parse_WrongCheckDigits_SaysSo(string text)
    {
        Assert.False(KboNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldig KBO-nummer: het controlegetal klopt niet.", error);
        Broken(RuleCodes.InvalidValue, error, () => KboNumber.Parse(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("BE")]
    [InlineData("0123A56749")]
    [InlineData("01234567490")]
    [InlineData("12345674")]
    [InlineData("0123-456-749")]
    [InlineData("NL0123456749")]
    [InlineData("BEBE0123456749")]
    [InlineData("0123.456.749 BE")]
    public void Parse_Garbage_ExplainsTheExpectedForm(string text)
    {
        Assert.False(KboNumber.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldig KBO-nummer (verwacht: 10 cijfers, bv. 0123.456.749).", error);
        Broken(RuleCodes.InvalidValue, error, () => KboNumber.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Nothing_SaysItIsEmpty(string? text)
    {
        Assert.False(KboNumber.TryParse(text, out _));
        Broken(RuleCodes.InvalidValue, "Het KBO-nummer is leeg.", () => KboNumber.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(97)]
    [InlineData(1_234_567)]
    [InlineData(20_000_000)]
    [InlineData(99_999_999)]
    public void FromBase_GivesANumberThatParses(int firstEightDigits)
    {
        var number = KboNumber.FromBase(firstEightDigits);

        Assert.Equal(KboNumber.Length, number.Digits.Length);
        Assert.StartsWith(firstEightDigits.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), number.Digits, StringComparison.Ordinal);
        Assert.Equal(number, KboNumber.Parse(number.Digits));
        Assert.Equal(number, KboNumber.Parse(number.Formatted));
    }

    [Fact]
    public void FromBase_KnownNumber() => Assert.Equal(Valid, KboNumber.FromBase(1_234_567).Digits);

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000_000)]
    public void FromBase_OutOfRange_Throws(int firstEightDigits) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KboNumber.FromBase(firstEightDigits));
}
