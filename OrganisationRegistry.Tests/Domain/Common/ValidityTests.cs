using OrganisationRegistry.Domain.Common;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;
using static OrganisationRegistry.Tests.Domain.TestData.RuleAssert;

namespace OrganisationRegistry.Tests.Domain.Common;

public sealed class ValidityTests
{
    [Fact]
    public void Constructor_EndBeforeStart_IsAnInvalidPeriod()
    {
        Broken(
            RuleCodes.InvalidPeriod,
            "De einddatum (31/12/2019) ligt voor de begindatum (01/01/2020).",
            () => _ = Period("01/01/2020", "31/12/2019"));
    }

    [Fact]
    public void Constructor_EndOnTheStartDay_IsAOneDayPeriod()
    {
        var day = Period("01/01/2020", "01/01/2020");

        Assert.True(day.Contains(Day("01/01/2020")));
        Assert.False(day.Contains(Day("31/12/2019")));
        Assert.False(day.Contains(Day("02/01/2020")));
    }

    [Fact]
    public void Default_IsAlways()
    {
        Assert.Equal(Validity.Always, default);
        Assert.Null(Validity.Always.From);
        Assert.Null(Validity.Always.To);
    }

    [Theory]
    [InlineData(null, null, "01/01/1900", true)]
    [InlineData("01/01/2020", null, "31/12/2019", false)]
    [InlineData("01/01/2020", null, "01/01/2020", true)]
    [InlineData("01/01/2020", null, "31/12/9999", true)]
    [InlineData(null, "31/12/2024", "01/01/0001", true)]
    [InlineData(null, "31/12/2024", "31/12/2024", true)]
    [InlineData(null, "31/12/2024", "01/01/2025", false)]
    [InlineData("01/01/2020", "31/12/2024", "01/01/2020", true)]
    [InlineData("01/01/2020", "31/12/2024", "31/12/2024", true)]
    [InlineData("01/01/2020", "31/12/2024", "15/06/2022", true)]
    [InlineData("01/01/2020", "31/12/2024", "31/12/2019", false)]
    [InlineData("01/01/2020", "31/12/2024", "01/01/2025", false)]
    public void Contains_HonoursOpenAndInclusiveBounds(string? from, string? to, string date, bool expected) =>
        Assert.Equal(expected, Period(from, to).Contains(Day(date)));

    [Theory]
    // Open bounds.
    [InlineData(null, null, "01/01/2020", "31/12/2020", true)]
    [InlineData(null, null, null, null, true)]
    [InlineData("01/01/2020", null, null, "31/12/2019", false)]
    [InlineData("01/01/2020", null, null, "01/01/2020", true)]
    [InlineData(null, "31/12/2020", "01/01/2021", null, false)]
    [InlineData(null, "31/12/2020", "31/12/2020", null, true)]
    [InlineData("01/01/2020", null, "01/01/2030", null, true)]
    [InlineData(null, "31/12/2020", null, "31/12/1990", true)]
    // Closed periods: touching on the same day overlaps (inclusive), the next day does not.
    [InlineData("01/01/2020", "31/12/2020", "31/12/2020", "31/12/2021", true)]
    [InlineData("01/01/2020", "31/12/2020", "01/01/2021", "31/12/2021", false)]
    [InlineData("01/01/2020", "31/12/2024", "01/06/2021", "30/06/2021", true)]
    [InlineData("01/01/2020", "31/12/2020", "01/01/2022", "31/12/2022", false)]
    public void Overlaps_IsSymmetric_AndInclusive(string? from, string? to, string? otherFrom, string? otherTo, bool expected)
    {
        var period = Period(from, to);
        var other = Period(otherFrom, otherTo);

        Assert.Equal(expected, period.Overlaps(other));
        Assert.Equal(expected, other.Overlaps(period));
    }

    [Theory]
    [InlineData(null, null, "01/01/2020", "31/12/2020", "01/01/2020", "31/12/2020")]
    [InlineData(null, null, null, null, null, null)]
    [InlineData("01/01/2020", null, null, "31/12/2024", "01/01/2020", "31/12/2024")]
    [InlineData("01/01/2020", null, "01/01/2022", null, "01/01/2022", null)]
    [InlineData(null, "31/12/2024", null, "31/12/2022", null, "31/12/2022")]
    [InlineData("01/01/2020", "31/12/2024", "01/06/2022", "31/12/2030", "01/06/2022", "31/12/2024")]
    [InlineData("01/01/2020", "31/12/2020", "31/12/2020", "31/12/2021", "31/12/2020", "31/12/2020")]
    public void Intersect_IsTheCommonPart(string? from, string? to, string? otherFrom, string? otherTo, string? expectedFrom, string? expectedTo)
    {
        var period = Period(from, to);
        var other = Period(otherFrom, otherTo);
        var expected = Period(expectedFrom, expectedTo);

        Assert.Equal(expected, period.Intersect(other));
        Assert.Equal(expected, other.Intersect(period));
    }

    [Fact]
    public void Intersect_OfPeriodsThatDoNotMeet_IsNull()
    {
        Assert.Null(Period("01/01/2020", "31/12/2020").Intersect(Period("01/01/2021", null)));
        Assert.Null(Until("31/12/2020").Intersect(Since("01/01/2021")));
    }

    [Theory]
    [InlineData(null, null, "zonder begin- of einddatum")]
    [InlineData("01/01/2020", null, "vanaf 01/01/2020")]
    [InlineData(null, "31/12/2024", "tot 31/12/2024")]
    [InlineData("01/01/2020", "31/12/2024", "van 01/01/2020 tot 31/12/2024")]
    public void ToString_IsDutch(string? from, string? to, string expected) =>
        Assert.Equal(expected, Period(from, to).ToString());

    [Theory]
    [InlineData(null, null, "01/01/2025", false)]
    [InlineData("01/01/2020", null, "01/01/2025", false)]
    [InlineData("01/01/2020", "31/12/2024", "01/01/2025", true)]
    [InlineData("01/01/2020", "31/12/2024", "31/12/2024", false)]
    [InlineData("01/01/2020", "31/12/2024", "01/06/2022", false)]
    public void HasEndedBefore_OnlyWhenTheEndLiesBeforeTheDate(string? from, string? to, string date, bool expected) =>
        Assert.Equal(expected, Period(from, to).HasEndedBefore(Day(date)));
}
