namespace OrganisationRegistry.Domain.Seeding;

/// <summary>Words that generated organisation names are made of: Flemish places, regions, saints and the usual type words.</summary>
internal static class FlemishNames
{
    /// <summary>Municipalities with city status use "Stad", the others "Gemeente".</summary>
    public static readonly HashSet<string> Cities = new(StringComparer.Ordinal)
    {
        "Aalst", "Aarschot", "Antwerpen", "Beringen", "Bilzen", "Blankenberge", "Borgloon", "Bree", "Brugge", "Damme",
        "Deinze", "Dendermonde", "Diest", "Diksmuide", "Dilsen-Stokkem", "Eeklo", "Geel", "Genk", "Gent", "Geraardsbergen",
        "Gistel", "Halen", "Halle", "Hamont-Achel", "Harelbeke", "Hasselt", "Herentals", "Herk-de-Stad", "Hoogstraten",
        "Ieper", "Izegem", "Kortrijk", "Landen", "Leuven", "Lier", "Lo-Reninge", "Lokeren", "Lommel", "Maaseik", "Mechelen",
        "Menen", "Mesen", "Mortsel", "Nieuwpoort", "Ninove", "Oostende", "Oudenaarde", "Oudenburg", "Peer", "Poperinge",
        "Roeselare", "Ronse", "Scherpenheuvel-Zichem", "Sint-Niklaas", "Sint-Truiden", "Tielt", "Tienen", "Tongeren",
        "Torhout", "Turnhout", "Veurne", "Vilvoorde", "Waregem", "Wervik", "Zottegem", "Zoutleeuw",
    };

    public static readonly string[] Municipalities =
    [
        "Aalst", "Aalter", "Aarschot", "Aartselaar", "Affligem", "Alken", "Alveringem", "Antwerpen", "Anzegem", "Ardooie",
        "Arendonk", "As", "Asse", "Assenede", "Avelgem", "Baarle-Hertog", "Balen", "Beernem", "Beerse", "Beersel",
        "Begijnendijk", "Bekkevoort", "Beringen", "Berlaar", "Berlare", "Bertem", "Bever", "Beveren", "Bierbeek", "Bilzen",
        "Blankenberge", "Bocholt", "Boechout", "Bonheiden", "Boom", "Boortmeerbeek", "Borgloon", "Bornem", "Borsbeek",
        "Boutersem", "Brakel", "Brasschaat", "Brecht", "Bredene", "Bree", "Brugge", "Buggenhout", "Damme", "De Haan",
        "De Panne", "De Pinte", "Deerlijk", "Deinze", "Denderleeuw", "Dendermonde", "Dentergem", "Dessel", "Destelbergen",
        "Diepenbeek", "Diest", "Diksmuide", "Dilbeek", "Dilsen-Stokkem", "Drogenbos", "Duffel", "Edegem", "Eeklo",
        "Erpe-Mere", "Essen", "Evergem", "Galmaarden", "Gavere", "Geel", "Geetbets", "Genk", "Gent", "Geraardsbergen",
        "Gingelom", "Gistel", "Glabbeek", "Gooik", "Grimbergen", "Grobbendonk", "Haacht", "Haaltert", "Halen", "Halle",
        "Hamme", "Hamont-Achel", "Harelbeke", "Hasselt", "Hechtel-Eksel", "Heers", "Heist-op-den-Berg", "Hemiksem",
        "Herent", "Herentals", "Herenthout", "Herk-de-Stad", "Herne", "Herselt", "Herstappe", "Herzele", "Heusden-Zolder",
        "Heuvelland", "Hoegaarden", "Hoeilaart", "Hoeselt", "Holsbeek", "Hooglede", "Hoogstraten", "Horebeke",
        "Houthalen-Helchteren", "Houthulst", "Hove", "Huldenberg", "Hulshout", "Ichtegem", "Ieper", "Ingelmunster",
        "Izegem", "Jabbeke", "Kalmthout", "Kampenhout", "Kapelle-op-den-Bos", "Kapellen", "Kaprijke", "Kasterlee",
        "Keerbergen", "Kinrooi", "Kluisbergen", "Knokke-Heist", "Koekelare", "Koksijde", "Kontich", "Kortemark",
        "Kortenaken", "Kortenberg", "Kortessem", "Kortrijk", "Kraainem", "Kruibeke", "Kruisem", "Kuurne", "Laakdal",
        "Laarne", "Lanaken", "Landen", "Langemark-Poelkapelle", "Lebbeke", "Lede", "Ledegem", "Lendelede", "Lennik",
        "Leopoldsburg", "Leuven", "Lichtervelde", "Liedekerke", "Lier", "Lierde", "Lille", "Linkebeek", "Lint", "Linter",
        "Lo-Reninge", "Lochristi", "Lokeren", "Lommel", "Londerzeel", "Lubbeek", "Lummen", "Maarkedal", "Maaseik",
        "Maasmechelen", "Machelen", "Maldegem", "Malle", "Mechelen", "Meerhout", "Meise", "Melle", "Menen", "Merchtem",
        "Merelbeke", "Merksplas", "Mesen", "Meulebeke", "Middelkerke", "Moerbeke", "Mol", "Moorslede", "Mortsel",
        "Nazareth", "Niel", "Nieuwerkerken", "Nieuwpoort", "Nijlen", "Ninove", "Olen", "Oostende", "Oosterzele",
        "Oostkamp", "Oostrozebeke", "Opwijk", "Oud-Heverlee", "Oud-Turnhout", "Oudenaarde", "Oudenburg", "Overijse",
        "Peer", "Pittem", "Poperinge", "Putte", "Puurs-Sint-Amands", "Ranst", "Ravels", "Retie", "Riemst", "Rijkevorsel",
        "Roeselare", "Ronse", "Roosdaal", "Rotselaar", "Ruiselede", "Rumst", "Schelle", "Scherpenheuvel-Zichem",
        "Schilde", "Schoten", "Sint-Genesius-Rode", "Sint-Gillis-Waas", "Sint-Katelijne-Waver", "Sint-Laureins",
        "Sint-Lievens-Houtem", "Sint-Martens-Latem", "Sint-Niklaas", "Sint-Pieters-Leeuw", "Sint-Truiden",
        "Spiere-Helkijn", "Stabroek", "Staden", "Steenokkerzeel", "Stekene", "Temse", "Ternat", "Tervuren", "Tessenderlo",
        "Tielt", "Tielt-Winge", "Tienen", "Tongeren", "Torhout", "Tremelo", "Turnhout", "Veurne", "Vilvoorde", "Vleteren",
        "Voeren", "Vorselaar", "Vosselaar", "Waasmunster", "Wachtebeke", "Waregem", "Wellen", "Wemmel", "Wervik",
        "Westerlo", "Wetteren", "Wevelgem", "Wezembeek-Oppem", "Wichelen", "Wielsbeke", "Wijnegem", "Willebroek",
        "Wingene", "Wommelgem", "Wortegem-Petegem", "Wuustwezel", "Zandhoven", "Zaventem", "Zedelgem", "Zele", "Zelzate",
        "Zemst", "Zoersel", "Zonhoven", "Zonnebeke", "Zottegem", "Zoutleeuw", "Zuienkerke", "Zulte", "Zwalm", "Zwevegem",
        "Zwijndrecht",
    ];

    public static readonly string[] Regions =
    [
        "Meetjesland", "Waasland", "Westhoek", "Kempen", "Noorderkempen", "Zuiderkempen", "Leiestreek", "Vlaamse Ardennen",
        "Pajottenland", "Haspengouw", "Maasland", "Noord-Limburg", "Hageland", "Dijleland", "Rivierenland", "Voorkempen",
        "Brugse Ommeland", "Kust", "Denderstreek", "Scheldeland", "Leiedal", "Zuid-West-Vlaanderen", "Midden-West-Vlaanderen",
        "Groene Gordel", "Vlaamse Rand", "Zennevallei", "Durmevallei", "Land van Dendermonde", "Houtland", "Mandelstreek",
    ];

    public static readonly string[] Provinces = ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"];

    public static readonly string[] Saints =
    [
        "Jozef", "Maarten", "Pieter", "Jan", "Niklaas", "Amandus", "Martinus", "Bavo", "Rombout", "Lambertus", "Gertrudis",
        "Catharina", "Anna", "Barbara", "Elisabeth", "Michiel", "Godelieve", "Rita", "Vincentius", "Lodewijk", "Victor",
        "Aldegondis", "Dimpna", "Quintinus", "Salvator", "Gummarus", "Bartholomeus", "Dionysius", "Eligius", "Ursmarus",
    ];

    /// <summary>Names that schools, care homes and community centres carry.</summary>
    public static readonly string[] PlaceNames =
    [
        "De Linde", "Ter Beke", "Het Hof", "De Vlinder", "Ter Wilgen", "De Regenboog", "Zonnebloem", "De Klaproos",
        "Ter Meersen", "Het Molenhof", "De Bron", "Den Olm", "Ter Heide", "Het Kasteeltje", "De Wingerd", "Ter Linden",
        "De Kastanjelaar", "De Toekomst", "Het Anker", "De Boomgaard", "Ter Leie", "De Vierklaver", "Het Spoor", "De Berk",
        "Ter Duinen", "Den Akker", "De Horizon", "Het Park", "De Zandloper", "Ter Dijle",
    ];

    public static readonly string[] Streets =
    [
        "Kerkstraat", "Stationsstraat", "Schoolstraat", "Molenstraat", "Dorpsstraat", "Nieuwstraat", "Kapelstraat",
        "Beekstraat", "Veldstraat", "Kouter", "Markt", "Hoogstraat", "Lindenlaan", "Kasteelstraat", "Bosstraat",
    ];

    /// <summary>Services of a municipality or city.</summary>
    public static readonly string[] MunicipalThemes =
    [
        "Burgerzaken", "Financiën", "Personeel en Organisatie", "Ruimtelijke Ordening", "Omgeving", "Milieu", "Mobiliteit",
        "Openbare Werken", "Sport", "Cultuur", "Jeugd", "Onderwijs", "Welzijn", "Kinderopvang", "Toerisme",
        "Lokale Economie", "Communicatie", "ICT", "Informatieveiligheid", "Archief", "Secretariaat", "Patrimonium", "Wonen",
        "Ouderenzorg", "Erfgoed", "Groenbeheer", "Begraafplaatsen", "Burgerparticipatie", "Noodplanning",
        "Juridische Zaken", "Aankoop", "Belastingen", "Facilitair Beheer", "Preventie", "Integratie", "Vrije Tijd",
        "Evenementen", "Klantencontact", "Data en Informatie", "Interne Controle",
    ];

    /// <summary>Divisions of a department or agency of the Flemish government.</summary>
    public static readonly string[] AdministrationThemes =
    [
        "Beleid", "Personeel en Organisatie", "Budget en Financiën", "ICT", "Communicatie", "Juridische Ondersteuning",
        "Data en Informatie", "Subsidies", "Handhaving", "Vergunningen", "Internationaal Beleid", "Kennisbeheer",
        "Klantenrelaties", "Interne Controle", "Strategie en Coördinatie", "Operaties", "Toezicht", "Inspectie",
        "Monitoring en Analyse", "Planning", "Dienstverlening", "Digitale Transformatie", "Facilitair Beheer",
        "Aankoop en Contractbeheer", "Gebiedswerking", "Onderzoek", "Kwaliteitszorg", "Projectmanagement",
    ];

    public static readonly string[] OrganisationalUnits = ["Afdeling", "Dienst", "Team", "Cel", "Werkgroep"];

    public static readonly string[] IntermunicipalPurposes =
    [
        "Afvalbeheer", "Streekontwikkeling", "Ruimtelijke Ordening", "Energie", "Waterbeheer", "Informatica",
        "Crematoriumbeheer", "Sociale Economie", "Cultuur", "Huisvesting", "Onroerend Erfgoed", "Brandweerzorg",
    ];

    public static readonly string[] IntermunicipalForms =
    [
        "Intergemeentelijke Vereniging voor", "Projectvereniging", "Dienstverlenende Vereniging voor",
        "Opdrachthoudende Vereniging voor",
    ];

    /// <summary>What a vzw of a municipality or of the Flemish government does.</summary>
    public static readonly string[] AssociationThemes =
    [
        "Sportraad", "Cultuurraad", "Jeugdraad", "Toerisme", "Gemeenschapscentrum", "Jeugdhuis", "Speelpleinwerking",
        "Seniorenraad", "Erfgoedkring", "Muziekacademie", "Kinderopvang", "Buurtwerking", "Sociaal Huis", "Sportcentrum",
        "Zwembad", "Bibliotheekvereniging", "Stadsmarketing", "Lokaal Woonbeleid", "Huis van het Kind", "Dienstencentrum",
    ];

    public static readonly string[] AutonomousCompanyThemes =
    [
        "Sport", "Cultuur", "Parkeren", "Stadsontwikkeling", "Vrije Tijd", "Patrimonium", "Zwembad", "Erfgoed",
    ];

    public static readonly string[] CareUnits = ["Woonzorgcentrum", "Lokaal Dienstencentrum", "Kinderdagverblijf", "Assistentiewoningen", "Centrum voor Kortverblijf"];

    public static readonly string[] WaterBoards = ["Polder", "Watering"];

    public static readonly string[] WaterBoardNames =
    [
        "Sint-Annapolder", "Uitkerkse Polder", "Middenkust", "Oudlandpolder", "Vrije Polders", "Scheldeschoren",
        "Grote Nete", "Dijlevallei", "Demerbroeken", "Zwarte Beek", "Ieperlee", "Handzamevaart", "Lage Moere", "Moervaart",
        "Durmepolders", "Benedenvliet", "Land van Waas", "Westkust", "Noordwatering", "Krekengebied",
    ];

    public static readonly string[] SecondarySchoolForms =
    [
        "GO! Atheneum", "GO! Technisch Atheneum", "GO! Middenschool", "GO! Basisschool", "GO! Kleuterschool",
    ];

    public static readonly string[] CatholicSchoolForms =
    [
        "Vrije Basisschool", "Sint-{0}college", "Sint-{0}instituut", "Sint-{0}school", "Vrije Kleuterschool",
    ];
}
