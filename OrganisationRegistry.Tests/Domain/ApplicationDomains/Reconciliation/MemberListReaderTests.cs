using System.Text;
using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Domain.ApplicationDomains.Reconciliation;

/// <summary>Experts' own lists as they really are kept (DOMAIN.md "Real files look like this").</summary>
public sealed class MemberListReaderTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    static MemberListReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static MemberList Read(string text, Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        return MemberListReader.Read(bom ? [.. Bom, .. bytes] : bytes);
    }

    [Fact]
    public void TheRegistrysOwnShape_BomSemicolonsTrailingEmptyColumns_IsRead()
    {
        var list = Read("ovoNumber;formele einddatum;Naam (algemeen);id;;;;;\r\nOVO000012;31/12/2025;Departement Omgeving;17;;;;;\r\novo000013;;Vlaamse Milieumaatschappij;18;;;;;\r\n", bom: true);

        Assert.Equal(2, list.Rows.Count);
        var first = list.Rows[0];
        Assert.Equal((2, OvoCode.FromNumber(12), Day("31/12/2025"), "Departement Omgeving"), (first.Line, first.Ovo!.Value, first.To!.Value, first.Name));
        Assert.Null(first.Problem);
        Assert.Equal(OvoCode.FromNumber(13), list.Rows[1].Ovo);
        Assert.Null(list.Rows[1].To);
        Assert.True(list.Columns.HasTo);
        Assert.False(list.Columns.HasFrom);
        Assert.False(list.Columns.HasCategory);
    }

    [Fact]
    public void WithoutBom_Utf8_KeepsAccents()
    {
        var list = Read("OVO-code;Naam\nOVO000003;Departement Financiën en Begroting\n");

        Assert.Equal("Departement Financiën en Begroting", Assert.Single(list.Rows).Name);
    }

    [Fact]
    public void Windows1252_FromExcelOnBelgianWindows_IsDecoded()
    {
        var list = Read("OVO nummer;Naam;Categorie\nOVO000003;Financiën en Begroting;Vlaamse administratie - département\n", Encoding.GetEncoding(1252));

        var row = Assert.Single(list.Rows);
        Assert.Equal("Financiën en Begroting", row.Name);
        Assert.Equal("Vlaamse administratie - département", row.CategoryText);
    }

    [Theory]
    [InlineData(",")]
    [InlineData("\t")]
    [InlineData(";")]
    public void TheSeparator_IsTakenFromTheHeaderLine(string separator)
    {
        var list = Read($"OVO-code{separator}Geldig vanaf{separator}Categorie\nOVO000001{separator}1/01/2024{separator}departement\n");

        var row = Assert.Single(list.Rows);
        Assert.Equal((OvoCode.FromNumber(1), Day("01/01/2024"), "departement"), (row.Ovo!.Value, row.From!.Value, row.CategoryText));
    }

    [Fact]
    public void ExcelsSepLine_SetsTheSeparator_AndIsNoHeader()
    {
        var list = Read("sep=,\r\nOVO-code,Naam\r\nOVO000001,\"Omgeving; departement\"\r\n", bom: true);

        var row = Assert.Single(list.Rows);
        Assert.Equal((3, OvoCode.FromNumber(1), "Omgeving; departement"), (row.Line, row.Ovo!.Value, row.Name));
    }

    [Fact]
    public void QuotedFields_MayHoldTheSeparator_AndBlankLinesAreSkipped_ButCountForTheLineNumber()
    {
        var list = Read("OVO-code;Naam;Categorie\n\n\"OVO000001\";\"Omgeving; departement\";\"departement\"\n;;;\n\nOVO000002;Waterweg;\n");

        Assert.Equal(2, list.Rows.Count);
        Assert.Equal("Omgeving; departement", list.Rows[0].Name);
        Assert.Equal([3, 6], list.Rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData("ovoNumber")]
    [InlineData("OVO-code")]
    [InlineData("OVO nummer")]
    [InlineData(" Ovo_Code ")]
    [InlineData("OVO")]
    public void OvoHeaders_InAnySpelling_AreRecognised(string header)
    {
        var row = Assert.Single(Read($"{header};x\nOVO000007;y\n").Rows);

        Assert.Equal(OvoCode.FromNumber(7), row.Ovo);
    }

    [Theory]
    [InlineData("KBO-nummer", "0123.456.749")]
    [InlineData("Ondernemingsnummer", "BE 0123 456 749")]
    [InlineData("kbo nummer", "BE0123456749")]
    [InlineData("KBO", "123456749")]
    [InlineData("KBO-nummer", "0123456749")]
    public void KboNumbers_InEveryAcceptedNotation_AreRead(string header, string number)
    {
        var row = Assert.Single(Read($"{header};Naam\n{number};Iets\n").Rows);

        Assert.Null(row.Problem);
        Assert.Equal("0123456749", row.Kbo!.Value.Digits);
    }

    [Fact]
    public void AKboNumberWithAWrongCheckDigit_IsARowProblem_NotAFileError()
    {
        var list = Read("KBO-nummer;Naam\n0123.456.748;Fout\n0123.456.749;Goed\n");

        Assert.Equal("'0123.456.748' is geen geldig KBO-nummer: het controlegetal klopt niet.", list.Rows[0].Problem);
        Assert.Null(list.Rows[0].Kbo);
        Assert.Null(list.Rows[1].Problem);
    }

    [Theory]
    [InlineData("1/01/2024")]
    [InlineData("01/01/2024")]
    [InlineData("1/1/2024")]
    [InlineData("01-01-2024")]
    [InlineData("1-1-2024")]
    [InlineData("2024-01-01")]
    [InlineData("1.1.2024")]
    public void Dates_InTheFormsPeopleType_AreRead(string date)
    {
        var row = Assert.Single(Read($"OVO-code;Begindatum;Einddatum\nOVO000001;{date};\n").Rows);

        Assert.Equal(Day("01/01/2024"), row.From);
        Assert.Null(row.To);
        Assert.Null(row.Problem);
    }

    [Theory]
    [InlineData("Geldig vanaf", "Geldig tot")]
    [InlineData("Begindatum", "Einddatum")]
    [InlineData("Formele begindatum", "Formele einddatum")]
    [InlineData("GELDIG VANAF", "geldig-tot")]
    public void PeriodHeaders_AreRecognised(string from, string to)
    {
        var list = Read($"OVO-code;{from};{to}\nOVO000001;1/01/2020;31/12/2030\n");

        Assert.Equal(Period("01/01/2020", "31/12/2030"), new Validity(list.Rows[0].From, list.Rows[0].To));
    }

    [Fact]
    public void ABadDate_OrAnEndBeforeTheStart_IsARowProblem_InDutch()
    {
        var list = Read("OVO-code;Geldig vanaf;Geldig tot\nOVO000001;31/02/2024;\nOVO000002;1/01/2025;1/01/2024\n");

        Assert.Equal("De begindatum '31/02/2024' is geen datum (verwacht: dd/mm/jjjj, bv. 1/01/2024).", list.Rows[0].Problem);
        Assert.Equal("De einddatum (01/01/2024) ligt voor de begindatum (01/01/2025).", list.Rows[1].Problem);
    }

    [Fact]
    public void ARowWithoutIdentifier_OrWithABadOvoCode_IsARowProblem()
    {
        var list = Read("OVO-code;Naam\n;Zonder code\nOVO12;Te kort\n");

        Assert.Equal("Geen OVO-code of KBO-nummer.", list.Rows[0].Problem);
        Assert.StartsWith("'OVO12' is geen geldige OVO-code", list.Rows[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryCode_WinsOverTheCategoryName_WhenBothColumnsAreThere()
    {
        var list = Read("OVO-code;Categorie;Categoriecode\nOVO000001;Vlaamse administratie - departement;departement\nOVO000002;IVA zonder RP;\n");

        Assert.Equal(["departement", "IVA zonder RP"], list.Rows.Select(r => r.CategoryText));
    }

    [Fact]
    public void AHeaderWithoutIdentifierColumn_IsAFileError_NamingTheColumnsFound()
    {
        var error = Assert.Throws<DomainRuleException>(() => Read("Naam;Categorie;;\nOmgeving;departement;;\n"));

        Assert.Equal(
            "De kopregel heeft geen kolom met de OVO-code of het KBO-nummer (bv. 'OVO-code', 'ovoNumber', 'KBO-nummer', 'Ondernemingsnummer'). Gevonden kolommen: 'Naam', 'Categorie'.",
            error.Message);
    }

    [Fact]
    public void AnEmptyFile_IsAFileError()
    {
        var error = Assert.Throws<DomainRuleException>(() => Read("\r\n\r\n"));

        Assert.Equal("Het bestand is leeg: er is geen kopregel met kolomnamen.", error.Message);
    }

    [Fact]
    public void TooManyRows_IsAFileError()
    {
        var text = new StringBuilder("OVO-code\n");
        for (var i = 1; i <= MemberListReader.MaxRows + 1; i++)
        {
            text.Append("OVO").Append((i % 999_999) + 1).Append('\n');
        }

        var error = Assert.Throws<DomainRuleException>(() => Read(text.ToString()));

        Assert.Equal("Het bestand heeft meer dan 20.000 rijen. Splits de lijst in kleinere bestanden.", error.Message);
    }

    [Fact]
    public async Task ATooLargeFile_IsRefused_WhileReading()
    {
        using var stream = new MemoryStream(new byte[MemberListReader.MaxBytes + 1]);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => MemberListReader.ReadContentAsync(stream, TestContext.Current.CancellationToken));

        Assert.Equal("Het bestand is groter dan 5 MB. Splits de lijst of laat overbodige kolommen weg.", error.Message);
    }
}
