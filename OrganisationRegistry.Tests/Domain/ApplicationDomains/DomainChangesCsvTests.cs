using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains;

public sealed class DomainChangesCsvTests
{
    private static DomainChange Change(DomainChangeKind kind, string name = "Agentschap Wegen en Verkeer", DomainChangeSide? before = null, DomainChangeSide? after = null) =>
        new(kind, OvoCode.FromNumber(123), name, "AWV", KboNumber.Parse("0123.456.749"), before, after);

    private static readonly DomainChangeSide Iva = new("iva-zonder-rp", "IVA zonder rechtspersoonlijkheid", new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31));
    private static readonly DomainChangeSide Eva = new("eva-privaat", "Privaatrechtelijk EVA", new DateOnly(2025, 1, 1), null);

    [Fact]
    public void Line_OfAMove_HasBothSides_WithDutchDates()
    {
        Assert.Equal(
            "Andere categorie;OVO000123;Agentschap Wegen en Verkeer;AWV;0123.456.749;IVA zonder rechtspersoonlijkheid;01/01/2020;31/12/2024;Privaatrechtelijk EVA;01/01/2025;",
            DomainChangesCsv.Line(Change(DomainChangeKind.Moved, before: Iva, after: Eva)));
    }

    [Fact]
    public void Line_OfAnEntryOrALeave_LeavesTheMissingSideEmpty_SoEveryLineHasAllColumns()
    {
        var entered = DomainChangesCsv.Line(Change(DomainChangeKind.Entered, after: Eva));
        var left = DomainChangesCsv.Line(Change(DomainChangeKind.Left, before: Iva));

        Assert.StartsWith("Toegetreden;OVO000123;", entered, StringComparison.Ordinal);
        Assert.EndsWith(";0123.456.749;;;;Privaatrechtelijk EVA;01/01/2025;", entered, StringComparison.Ordinal);
        Assert.StartsWith("Uitgetreden;", left, StringComparison.Ordinal);
        Assert.EndsWith(";31/12/2024;;;", left, StringComparison.Ordinal);
        Assert.All([entered, left], l => Assert.Equal(DomainChangesCsv.Columns.Count, l.Split(';').Length));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Naam; met puntkomma", "\"Naam; met puntkomma\"")]
    public void Line_DefusesAndQuotesTheName(string name, string expectedField)
    {
        Assert.Contains(";" + expectedField + ";AWV;", DomainChangesCsv.Line(Change(DomainChangeKind.Left, name, before: Iva)), StringComparison.Ordinal);
    }

    [Fact]
    public void Header_IsDutch_AndSemicolonSeparated()
    {
        Assert.StartsWith("Wijziging;OVO-code;Naam;Korte naam;KBO-nummer;Categorie op begindatum;", DomainChangesCsv.Header, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], DomainChangesCsv.Encoding.GetPreamble());
    }

    [Theory]
    [InlineData("entered", DomainChangeKind.Entered)]
    [InlineData("LEFT", DomainChangeKind.Left)]
    [InlineData(" moved ", DomainChangeKind.Moved)]
    [InlineData("passing", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Kinds_ReadFromTheirCode(string? code, DomainChangeKind? kind)
    {
        Assert.Equal(kind, DomainChangeKinds.FromCode(code));
    }
}
