using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains;

public sealed class DomainMemberCsvTests
{
    private static DomainMember Member(string name = "Agentschap Wegen en Verkeer", string? remark = null) => new(
        OvoCode.FromNumber(123), name, "AWV", KboNumber.Parse("0123.456.749"), "iva-zonder-rp", "IVA zonder rechtspersoonlijkheid",
        new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31), null, null, remark);

    [Fact]
    public void Line_WritesDutchDatesAndTheKboNotation()
    {
        Assert.Equal(
            "OVO000123;Agentschap Wegen en Verkeer;AWV;0123.456.749;IVA zonder rechtspersoonlijkheid;01/01/2020;31/12/2024;;;",
            DomainMemberCsv.Line(Member()));
    }

    [Fact]
    public void Line_QuotesFieldsWithTheSeparatorQuotesOrLineBreaks()
    {
        var line = DomainMemberCsv.Line(Member(remark: "zie \"nota\"; deel 2\r\nbijlage"));

        Assert.EndsWith(";\"zie \"\"nota\"\"; deel 2\r\nbijlage\"", line);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+31 fout", "'+31 fout")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tverborgen", "'\tverborgen")]
    public void Line_DefusesTextThatASpreadsheetWouldRunAsAFormula(string remark, string expectedField)
    {
        var line = DomainMemberCsv.Line(Member(remark: remark));

        Assert.EndsWith(";" + expectedField, line);
    }

    [Fact]
    public void Line_LeavesOrdinaryTextAlone()
    {
        Assert.EndsWith(";Overgeheveld na herstructurering", DomainMemberCsv.Line(Member(remark: "Overgeheveld na herstructurering")));
    }
}
