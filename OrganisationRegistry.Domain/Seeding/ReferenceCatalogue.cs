using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>A category of an application domain, by its stable code.</summary>
public sealed record CategorySpec(string Code, string Name);

/// <summary>An application domain with its categories (in sort order) and the organisation that stewards it.</summary>
public sealed record ApplicationDomainSpec(
    string Code,
    string Name,
    Article Article,
    string LegalReference,
    string Description,
    DateOnly InForceFrom,
    string StewardName,
    IReadOnlyList<CategorySpec> Categories);

/// <summary>A policy domain (beleidsdomein) by its stable code.</summary>
public sealed record PolicyDomainSpec(string Code, string Name);

/// <summary>
/// A real organisation of the Flemish government. Found again by <see cref="Name"/>; <see cref="ParentName"/> places it
/// in the structure; the category codes say how it falls under the Bestuursdecreet and the VCO (none: not assigned).
/// </summary>
public sealed record ReferenceOrganisationSpec(
    string Name,
    string? ShortName,
    Article? Article,
    string PolicyDomainCode,
    DateOnly? ValidFrom,
    string? ParentName = null,
    string? BestuursdecreetCategory = null,
    string? VcoCategory = null,
    DateOnly? ValidTo = null);

/// <summary>A kind of key (identifier in another system) by its stable code.</summary>
public sealed record KeyTypeSpec(string Code, string Name);

/// <summary>A partner system of the API (development and tests), found again by <see cref="ClientId"/>.</summary>
public sealed record ApiClientSpec(string ClientId, string Name, string OrganisationName, IReadOnlyList<string> Scopes);

/// <summary>
/// The reference data every register needs: application domains and their categories, policy domains, the real
/// departments and agencies, and the key types. Sources: DOMAIN.md (categories and stewards) and the list of policy
/// domains on vlaanderen.be ("Structuur van de Vlaamse overheid": ten beleidsdomeinen).
/// </summary>
public static class ReferenceCatalogue
{
    public const string Bestuursdecreet = "bestuursdecreet";
    public const string Vco = "vco";

    public const string DigitaalVlaanderen = "Agentschap Digitaal Vlaanderen";
    public const string Overheidspersoneel = "Agentschap Overheidspersoneel";
    public const string FinancienEnBegroting = "Departement Financiën en Begroting";
    public const string GoOnderwijs = "GO! onderwijs van de Vlaamse Gemeenschap";
    public const string CultuurJeugdEnMedia = "Departement Cultuur, Jeugd en Media";

    public static IReadOnlyList<ApplicationDomainSpec> ApplicationDomains { get; } =
    [
        new(
            Bestuursdecreet,
            "Bestuursdecreet",
            Article.Het,
            "Decreet van 7 december 2018",
            "Wat de Vlaamse overheid en de Vlaamse administratie zijn (art. I.3), en de regels van deugdelijk bestuur.",
            new DateOnly(2019, 1, 1),
            Overheidspersoneel,
            [
                new("vlaams-parlement", "Vlaams Parlement, zijn diensten en de instellingen die eraan verbonden zijn"),
                new("autonome-diensten-parlement", "Autonome diensten onder toezicht van het Vlaams Parlement"),
                new("vlaamse-regering-kabinetten", "Vlaamse Regering en de kabinetten van haar leden"),
                new("vlaamse-administratie", "Vlaamse administratie"),
                new("departement", "Vlaamse administratie - departement"),
                new("iva-zonder-rp", "Vlaamse administratie - intern verzelfstandigd agentschap zonder rechtspersoonlijkheid"),
                new("iva-met-rp", "Vlaamse administratie - intern verzelfstandigd agentschap met rechtspersoonlijkheid"),
                new("eva-publiekrechtelijk", "Vlaamse administratie - publiekrechtelijk vormgegeven extern verzelfstandigd agentschap"),
                new("eva-privaatrechtelijk", "Vlaamse administratie - privaatrechtelijk vormgegeven extern verzelfstandigd agentschap"),
                new("dienst-bestuursrechtscolleges", "Vlaamse administratie - Dienst van de Bestuursrechtscolleges"),
                new("onderwijsinspectie", "Vlaamse administratie - onderwijsinspectie"),
                new("provinciegouverneurs", "Provinciegouverneurs en arrondissementscommissarissen"),
                new("vlaamse-openbare-instellingen", "Vlaamse openbare instellingen buiten de Vlaamse administratie"),
                new("vlaamse-adviesorganen", "Vlaamse adviesorganen"),
                new("vlaamse-administratieve-rechtscolleges", "Vlaamse administratieve rechtscolleges"),
                new("lokale-overheden", "Lokale overheden"),
                new("privaatrechtelijke-instellingen-publieke-taak", "Privaatrechtelijke instellingen met een publieke taak"),
                new("deugdelijk-bestuur", "Deugdelijk bestuur (art. III.22)"),
            ]),
        new(
            Vco,
            "Vlaamse Codex Overheidsfinanciën",
            Article.De,
            "Decreet van 29 maart 2019",
            "De Vlaamse deelstaatoverheid: de Vlaamse Gemeenschap en de Vlaamse rechtspersonen (ESR-sector S.1312).",
            new DateOnly(2020, 1, 1),
            FinancienEnBegroting,
            [
                new("diensten-vlaamse-regering", "Diensten van de Vlaamse Regering (institutionele overheid)"),
                new("dab", "Diensten met afzonderlijk beheer (DAB)"),
                new("vlaamse-openbare-instellingen", "Vlaamse openbare instellingen (IVA met rechtspersoonlijkheid, publiekrechtelijk EVA)"),
                new("eigen-vermogens", "Eigen vermogens"),
                new("onderwijsinstellingen", "Onderwijsinstellingen"),
                new("vzw-overheid", "Vzw's van de overheid"),
                new("onder-esr-drempel", "Gedeeltelijke toepassing: entiteiten onder de ESR-drempel"),
                new("universiteiten-hogescholen", "Gedeeltelijke toepassing: universiteiten en hogescholen"),
                new("vlaams-parlement", "Gedeeltelijke toepassing: Vlaams Parlement"),
            ]),
    ];

    public static IReadOnlyList<PolicyDomainSpec> PolicyDomains { get; } =
    [
        new("kbbj", "Kanselarij, Bestuur, Buitenlandse Zaken en Justitie"),
        new("fb", "Financiën en Begroting"),
        new("ewi", "Economie, Wetenschap en Innovatie"),
        new("ov", "Onderwijs en Vorming"),
        new("wvg", "Welzijn, Volksgezondheid en Gezin"),
        new("cjsm", "Cultuur, Jeugd, Sport en Media"),
        new("wse", "Werk en Sociale Economie"),
        new("lv", "Landbouw en Visserij"),
        new("mow", "Mobiliteit en Openbare Werken"),
        new("omg", "Omgeving"),
    ];

    /// <summary>Departments first, then the agencies under them (a parent always comes before its children).</summary>
    public static IReadOnlyList<ReferenceOrganisationSpec> Organisations { get; } =
    [
        new("Departement Kanselarij en Buitenlandse Zaken", "DKBUZA", Article.Het, "kbbj", null, null, "departement", "diensten-vlaamse-regering"),
        new(DigitaalVlaanderen, "Digitaal Vlaanderen", Article.Het, "kbbj", null, "Departement Kanselarij en Buitenlandse Zaken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new(Overheidspersoneel, "AOP", Article.Het, "kbbj", null, "Departement Kanselarij en Buitenlandse Zaken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap Facilitair Bedrijf", "Facilitair Bedrijf", Article.Het, "kbbj", null, "Departement Kanselarij en Buitenlandse Zaken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap Binnenlands Bestuur", "ABB", Article.Het, "kbbj", null, "Departement Kanselarij en Buitenlandse Zaken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap Justitie en Handhaving", "AJH", Article.Het, "kbbj", null, "Departement Kanselarij en Buitenlandse Zaken", "iva-zonder-rp", "diensten-vlaamse-regering"),

        new(FinancienEnBegroting, "DFB", Article.Het, "fb", null, null, "departement", "diensten-vlaamse-regering"),
        new("Vlaamse Belastingdienst", "VLABEL", Article.De, "fb", null, FinancienEnBegroting, "iva-zonder-rp", "diensten-vlaamse-regering"),

        new("Departement Economie, Wetenschap en Innovatie", "EWI", Article.Het, "ewi", null, null, "departement", "diensten-vlaamse-regering"),
        new("Agentschap Innoveren en Ondernemen", "VLAIO", Article.Het, "ewi", new(2016, 1, 1), "Departement Economie, Wetenschap en Innovatie", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Fonds Wetenschappelijk Onderzoek - Vlaanderen", "FWO", Article.Het, "ewi", null, null, "vlaamse-openbare-instellingen", "vlaamse-openbare-instellingen"),
        // An investment company of the Flemish government: not one of the agencies of the Bestuursdecreet (art. I.3).
        new("Participatiemaatschappij Vlaanderen", "PMV", Article.De, "ewi", null, null, null, "vlaamse-openbare-instellingen"),

        new("Departement Onderwijs en Vorming", "OV", Article.Het, "ov", null, null, "departement", "diensten-vlaamse-regering"),
        new("Onderwijsinspectie", null, Article.De, "ov", null, "Departement Onderwijs en Vorming", "onderwijsinspectie", null),
        new("Agentschap voor Onderwijsdiensten", "AgODi", Article.Het, "ov", null, "Departement Onderwijs en Vorming", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen", "AHOVOKS", Article.Het, "ov", null, "Departement Onderwijs en Vorming", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap voor Infrastructuur in het Onderwijs", "AGIOn", Article.Het, "ov", null, "Departement Onderwijs en Vorming", "iva-met-rp", "vlaamse-openbare-instellingen"),
        new(GoOnderwijs, "GO!", Article.Het, "ov", null, null, "vlaamse-openbare-instellingen", "onderwijsinstellingen"),

        new("Departement Zorg", "Zorg", Article.Het, "wvg", null, null, "departement", "diensten-vlaamse-regering"),
        new("Kind en Gezin", "K&G", Article.Het, "wvg", null, null, null, null, new(2019, 3, 31)),
        new("Agentschap Opgroeien", "Opgroeien", Article.Het, "wvg", new(2019, 4, 1), "Departement Zorg", "iva-met-rp", "vlaamse-openbare-instellingen"),
        new("Vlaams Agentschap voor Personen met een Handicap", "VAPH", Article.Het, "wvg", null, "Departement Zorg", "iva-met-rp", "vlaamse-openbare-instellingen"),
        new("Vlaamse Sociale Bescherming", "VSB", Article.De, "wvg", null, "Departement Zorg", "iva-met-rp", "vlaamse-openbare-instellingen"),

        new(CultuurJeugdEnMedia, "CJM", Article.Het, "cjsm", null, null, "departement", "diensten-vlaamse-regering"),
        new("Sport Vlaanderen", null, Article.De, "cjsm", null, CultuurJeugdEnMedia, "iva-met-rp", "vlaamse-openbare-instellingen"),
        new("Vlaamse Regulator voor de Media", "VRM", Article.De, "cjsm", null, CultuurJeugdEnMedia, "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),
        new("Vlaamse Radio- en Televisieomroeporganisatie", "VRT", Article.De, "cjsm", null, null, "vlaamse-openbare-instellingen", "vlaamse-openbare-instellingen"),

        new("Departement Werk en Sociale Economie", "WSE", Article.Het, "wse", null, null, "departement", "diensten-vlaamse-regering"),
        new("Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding", "VDAB", Article.De, "wse", null, "Departement Werk en Sociale Economie", "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),
        new("Syntra Vlaanderen", null, Article.De, "wse", null, "Departement Werk en Sociale Economie", "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),

        new("Departement Landbouw en Visserij", "LV", Article.Het, "lv", null, null, "departement", "diensten-vlaamse-regering"),
        new("Instituut voor Landbouw-, Visserij- en Voedingsonderzoek", "ILVO", Article.Het, "lv", null, "Departement Landbouw en Visserij", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Vlaams Centrum voor Agro- en Visserijmarketing", "VLAM", Article.Het, "lv", null, "Departement Landbouw en Visserij", "eva-privaatrechtelijk", "vzw-overheid"),

        new("Departement Mobiliteit en Openbare Werken", "MOW", Article.Het, "mow", null, null, "departement", "diensten-vlaamse-regering"),
        new("Agentschap Wegen en Verkeer", "AWV", Article.Het, "mow", null, "Departement Mobiliteit en Openbare Werken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap Maritieme Dienstverlening en Kust", "MDK", Article.Het, "mow", null, "Departement Mobiliteit en Openbare Werken", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("De Vlaamse Waterweg", "DVW", null, "mow", new(2018, 1, 1), "Departement Mobiliteit en Openbare Werken", "eva-privaatrechtelijk", "vlaamse-openbare-instellingen"),
        new("Vlaamse Vervoermaatschappij De Lijn", "De Lijn", Article.De, "mow", null, "Departement Mobiliteit en Openbare Werken", "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),

        new("Departement Omgeving", "OMG", Article.Het, "omg", new(2017, 4, 1), null, "departement", "diensten-vlaamse-regering"),
        new("Vlaamse Milieumaatschappij", "VMM", Article.De, "omg", null, "Departement Omgeving", "iva-met-rp", "vlaamse-openbare-instellingen"),
        new("Openbare Vlaamse Afvalstoffenmaatschappij", "OVAM", Article.De, "omg", null, "Departement Omgeving", "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),
        new("Agentschap voor Natuur en Bos", "ANB", Article.Het, "omg", null, "Departement Omgeving", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Agentschap Onroerend Erfgoed", "OE", Article.Het, "omg", null, "Departement Omgeving", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Vlaamse Landmaatschappij", "VLM", Article.De, "omg", null, "Departement Omgeving", "eva-publiekrechtelijk", "vlaamse-openbare-instellingen"),
        new("Instituut voor Natuur- en Bosonderzoek", "INBO", Article.Het, "omg", null, "Departement Omgeving", "iva-zonder-rp", "diensten-vlaamse-regering"),
        new("Vlaams Energie- en Klimaatagentschap", "VEKA", Article.Het, "omg", null, "Departement Omgeving", "iva-zonder-rp", "diensten-vlaamse-regering"),
    ];

    public static IReadOnlyList<KeyTypeSpec> KeyTypes { get; } =
    [
        new("orafin", "Orafin (boekhouding Vlaamse overheid)"),
        new("vlimpers", "Vlimpers (personeelsadministratie)"),
        new("kiosk", "KIOSK (Departement Cultuur, Jeugd en Media)"),
        new("wegwijs", "Wegwijs (vroegere identificatie)"),
    ];

    /// <summary>
    /// The partner systems of development and tests (their tokens come from the <c>dev-token</c> command). In production
    /// central staff register the real clients, by the client ids of their app registrations.
    /// </summary>
    public static IReadOnlyList<ApiClientSpec> ApiClients { get; } =
    [
        new("kiosk", "KIOSK (Departement Cultuur, Jeugd en Media)", CultuurJeugdEnMedia, [ApiScopes.Read, ApiScopes.WriteOrganisations]),
        new("orafin", "Orafin (Departement Financiën en Begroting)", FinancienEnBegroting, [ApiScopes.Read, ApiScopes.WriteAssignments]),
        new("aop-hr", "HR-systeem (Agentschap Overheidspersoneel)", Overheidspersoneel, [ApiScopes.Read, ApiScopes.WriteAssignments]),
        new("readonly", "Alleen lezen (Digitaal Vlaanderen)", DigitaalVlaanderen, [ApiScopes.Read]),
    ];
}
