using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>The validators beside the commands (the same ones the forms and the API use) and their Dutch messages.</summary>
public sealed class CommandValidatorTests
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddRegistry(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" }).Build())
        .BuildServiceProvider();

    public static TheoryData<Type> Commands =>
    [
        .. new[] { typeof(AssignmentService), typeof(OrganisationService), typeof(ApplicationDomainService), typeof(UserGrantService), typeof(ApiClientService) }
            .SelectMany(service => service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => method.GetParameters())
            .Where(parameters => parameters.Length == 3 && parameters[0].ParameterType == typeof(RegistryUser)
                && parameters[1].ParameterType.Assembly == typeof(RegistryUser).Assembly)
            .Select(parameters => parameters[1].ParameterType)
            .Distinct(),
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandOfTheServices_HasItsValidatorRegistered(Type command) =>
        Assert.NotNull(Services.GetService(typeof(IValidator<>).MakeGenericType(command)));

    [Fact]
    public void TheServicesTakeTwentyThreeCommands() => Assert.Equal(23, Commands.Count);

    [Fact]
    public void AssignToDomain_ExplainsEachMistake()
    {
        var command = new AssignToDomain(" ", "", "", Day("01/01/2020"), Day("31/12/2019"), "OVO12", new string('x', 2001));

        Assert.Equal(
            [
                "De OVO-code van de organisatie is verplicht.",
                "Het toepassingsgebied is verplicht.",
                "De categorie is verplicht.",
                "'OVO12' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).",
                "De opmerking mag hoogstens 2000 tekens lang zijn.",
                "De einddatum (31/12/2019) ligt voor de begindatum (01/01/2020).",
            ],
            Errors(command));
    }

    [Fact]
    public void AssignToDomain_UnderItself_IsRefused() =>
        Assert.Equal(["Een organisatie kan niet haar eigen moederorganisatie zijn."], Errors(new AssignToDomain("OVO000004", "vco", "dab", null, null, "ovo000004")));

    [Fact]
    public void AValidCommand_HasNoErrors() =>
        Assert.Empty(Errors(new AssignToDomain("OVO000004", "vco", "dab", Day("01/01/2020"), Day("01/01/2020"), "OVO000001", "ok")));

    // A lone surrogate cannot travel in an attribute (the compiler stores attribute strings as UTF-8), so these are built here.
    public static TheoryData<string> BrokenTexts => ["nul\0byte", "escape\u001b[31m", "lone " + (char)0xD800 + " surrogate", "reversed " + (char)0xDC00 + (char)0xD800];

    [Theory]
    [MemberData(nameof(BrokenTexts), DisableDiscoveryEnumeration = true)]
    public void FreeText_WithControlOrBrokenCharacters_IsRefused(string text)
    {
        Assert.Equal(
            ["De opmerking bevat ongeldige tekens (stuurcodes of onvolledige tekens)."],
            Errors(new AssignToDomain("OVO000004", "vco", "dab", null, null, Remark: text)));
        Assert.Equal(
            ["De naam bevat ongeldige tekens (stuurcodes of onvolledige tekens)."],
            Errors(new CreateOrganisation(text)));
    }

    [Theory]
    [InlineData("Regel één\r\nregel twee\tmet tab")]
    [InlineData("Emoji 🏛️ en ü, é, ß")]
    public void FreeText_WithLineBreaksTabsAndAnyLanguage_IsAccepted(string text) =>
        Assert.Empty(Errors(new AssignToDomain("OVO000004", "vco", "dab", null, null, Remark: text)));

    [Fact]
    public void ChangeAssignment_WithoutTheVersionTheUserSaw_IsRefused() =>
        Assert.Equal(
            ["De versie van de gegevens die u bewerkte ontbreekt; herlaad ze en probeer opnieuw."],
            Errors(new ChangeAssignment(Guid.CreateVersion7(), 0, "dab", null, null)));

    [Fact]
    public void EndAssignment_NeedsAnEndDate() =>
        Assert.Equal(["De einddatum is verplicht om een toewijzing te beëindigen."], Errors(new EndAssignment(Guid.CreateVersion7(), 3, null)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void CorrectAssignment_NeedsAReason(string? reason) =>
        Assert.Equal(["Geef de reden van de correctie: waarom had deze toewijzing nooit mogen bestaan?"], Errors(new CorrectAssignment(Guid.CreateVersion7(), 1, reason)));

    [Fact]
    public void BulkAssignToDomain_NeedsOneToAThousandOrganisations()
    {
        Assert.Equal(["Kies minstens één organisatie."], Errors(new BulkAssignToDomain([], "vco", "dab", null, null)));
        Assert.Equal(
            ["Kies hoogstens 1000 organisaties tegelijk (nu 1001)."],
            Errors(new BulkAssignToDomain([.. Enumerable.Range(1, 1001).Select(n => OvoCode.FromNumber(n).Value)], "vco", "dab", null, null)));
    }

    [Fact]
    public void CreateOrganisation_ChecksNameLengths() =>
        Assert.Equal(
            [
                "De naam mag hoogstens 500 tekens lang zijn.",
                "De korte naam mag hoogstens 100 tekens lang zijn.",
            ],
            Errors(new CreateOrganisation(new string('n', 501), new string('k', 101))));

    [Fact]
    public void CreateOrganisationFromKbo_ChecksTheKboNumber() =>
        Assert.Equal(
            ["'0123.456.789' is geen geldig KBO-nummer: het controlegetal klopt niet."],
            Errors(new CreateOrganisationFromKbo("0123.456.789")));

    [Fact]
    public void UpdateOrganisation_NeedsAName() =>
        Assert.Equal(["De naam is verplicht."], Errors(new UpdateOrganisation("OVO000004", 2, "  ")));

    [Fact]
    public void AddOrganisationKey_ChecksValueAndPeriod() =>
        Assert.Equal(
            ["De waarde van de sleutel mag hoogstens 200 tekens lang zijn.", "De einddatum (01/01/2020) ligt voor de begindatum (02/01/2020)."],
            Errors(new AddOrganisationKey("OVO000004", "orafin", new string('9', 201), Day("02/01/2020"), Day("01/01/2020"))));

    [Fact]
    public void AddDomainCategory_NeedsACodeOfLowerCaseWordsAndHyphens() =>
        Assert.Equal(
            ["De code van de categorie bestaat uit kleine letters, cijfers en koppeltekens (bv. vlaamse-administratie)."],
            Errors(new AddDomainCategory("bestuursdecreet", "Vlaamse Administratie", "Vlaamse administratie", 1)));

    private static string[] Errors<TCommand>(TCommand command) =>
        [.. Services.GetRequiredService<IValidator<TCommand>>().Validate(command).Errors.Select(e => e.ErrorMessage)];
}
