using System.Globalization;
using System.IO.Compression;
using System.Text;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>What to generate.</summary>
public sealed record KboGeneratorOptions
{
    /// <summary>Enterprises of a full extract (besides <see cref="IncludeNumbers"/>).</summary>
    public int Enterprises { get; init; } = 10_000;

    /// <summary>The same seed (and options) gives the same files.</summary>
    public int Seed { get; init; } = 20181207;

    /// <summary>The extract number of a full extract (an update takes the full's number + 1 when not set).</summary>
    public int? ExtractNumber { get; init; }

    public DateOnly SnapshotDate { get; init; } = new(2026, 11, 21);

    /// <summary>Enterprise numbers (10 digits) to include, e.g. the register's own KBO numbers, to demo coupling and sync.</summary>
    public IReadOnlyCollection<string> IncludeNumbers { get; init; } = [];

    /// <summary>Adds malformed rows of every kind (see <see cref="KboGeneratedExtract.Malformed"/>).</summary>
    public bool Malformed { get; init; }

    /// <summary>Writes a .zip instead of a folder.</summary>
    public bool Zip { get; init; }
}

/// <summary>One malformed row the generator wrote on purpose, and a word of the reason the import must give.</summary>
public sealed record KboInjectedRow(string File, string Kind, string ExpectedReason);

/// <summary>What one generated enterprise holds (for tests and demos): its names, legal form and registered seat.</summary>
public sealed record KboGeneratedEnterprise(string Number, string JuridicalForm, string Name, string? NameFr, string? Abbreviation, string Street, string Municipality);

/// <summary>What the generator wrote, and what an import of it must keep.</summary>
public sealed record KboGeneratedExtract(string Path, KboExtractMeta Meta)
{
    /// <summary>Enterprise rows (full) or inserted enterprise rows (update) that are valid.</summary>
    public int Enterprises { get; init; }

    /// <summary>Valid denominations of types 001 and 002 of enterprises (what the import keeps).</summary>
    public int Denominations { get; init; }

    /// <summary>Valid REGO addresses of enterprises (what the import keeps).</summary>
    public int Addresses { get; init; }

    /// <summary>Rows of code.csv in the kept categories.</summary>
    public int Codes { get; init; }

    public int Establishments { get; init; }

    /// <summary>Rows of the <c>*_delete.csv</c> files of the three tables the register keeps, for enterprises (update).</summary>
    public int Deleted { get; init; }

    public IReadOnlyList<KboInjectedRow> Malformed { get; init; } = [];

    /// <summary>Some enterprises as generated: the first ones and the included numbers (full), or the changed ones (update).</summary>
    public IReadOnlyList<KboGeneratedEnterprise> Samples { get; init; } = [];

    /// <summary>Update: enterprises that stopped (deleted, not inserted again).</summary>
    public IReadOnlyList<string> Stopped { get; init; } = [];

    /// <summary>Update: enterprises that are new.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];
}

/// <summary>
/// Writes KBO Open Data extracts in the real format (meta.csv, code.csv, enterprise.csv, establishment.csv,
/// denomination.csv, address.csv, activity.csv, contact.csv; comma-separated, every field quoted, dates dd-MM-yyyy,
/// numbers 0200.065.765), deterministic for a seed: a full extract of N enterprises (about 1.2 names each with French
/// and German names and abbreviations, one registered seat each, establishments with their own names and addresses
/// that an import must skip), or an update relative to a full one (name, address and legal-form changes, stopped and new
/// enterprises). Optionally with given enterprise numbers and with malformed rows of every kind.
/// </summary>
public static class KboExtractGenerator
{
    private static readonly string[] Prefixes = ["Bouw", "Transport", "Advies", "Zorg", "Data", "Groen", "Vlaams", "Agro", "Metaal", "Textiel", "Energie", "Media", "Horeca", "Logistiek", "Immo"];
    private static readonly string[] Suffixes = ["bedrijf", "groep", "centrum", "werken", "partners", "diensten", "handel", "service", "atelier", "huis"];
    private static readonly string[] FrenchWords = ["Société", "Atelier", "Groupe", "Maison", "Bureau", "Compagnie"];
    private static readonly string[] FrenchPlaces = ["du Nord", "de Liège", "de Namur", "des Ardennes", "du Brabant", "de Bruxelles"];
    private static readonly string[] GermanWords = ["Gesellschaft", "Werkstatt", "Handel", "Bau"];
    private static readonly string[] Streets = ["Kerkstraat", "Stationsstraat", "Dorpsstraat", "Nieuwstraat", "Molenstraat", "Schoolstraat", "Kapelstraat", "Industrieweg", "Koning Albertlaan", "Brusselsesteenweg"];

    private static readonly (string Zip, string Nl, string Fr)[] Municipalities =
    [
        ("1000", "Brussel", "Bruxelles"), ("2000", "Antwerpen", "Anvers"), ("3000", "Leuven", "Louvain"), ("8000", "Brugge", "Bruges"),
        ("9000", "Gent", "Gand"), ("3500", "Hasselt", "Hasselt"), ("2800", "Mechelen", "Malines"), ("8500", "Kortrijk", "Courtrai"),
        ("1500", "Halle", "Hal"), ("9300", "Aalst", "Alost"), ("4000", "Luik", "Liège"), ("5000", "Namen", "Namur"),
        ("7000", "Bergen", "Mons"), ("4700", "Eupen", "Eupen"), ("8400", "Oostende", "Ostende"),
    ];

    /// <summary>Legal forms, modelled on the KBO's JuridicalForm codes (NL, FR, DE).</summary>
    private static readonly (string Code, string Nl, string Fr, string De)[] JuridicalForms =
    [
        ("014", "Naamloze vennootschap", "Société anonyme", "Aktiengesellschaft"),
        ("015", "Besloten vennootschap", "Société à responsabilité limitée", "Gesellschaft mit beschränkter Haftung"),
        ("016", "Coöperatieve vennootschap", "Société coopérative", "Genossenschaft"),
        ("017", "Vereniging zonder winstoogmerk", "Association sans but lucratif", "Vereinigung ohne Gewinnerzielungsabsicht"),
        ("026", "Private stichting", "Fondation privée", "Privatstiftung"),
        ("029", "Stichting van openbaar nut", "Fondation d'utilité publique", "Gemeinnützige Stiftung"),
        ("124", "Openbare instelling", "Etablissement public", "Öffentliche Einrichtung"),
        ("414", "Openbaar centrum voor maatschappelijk welzijn", "Centre public d'action sociale", "Öffentliches Sozialhilfezentrum"),
        ("416", "Gemeente", "Commune", "Gemeinde"),
        ("417", "Provincie", "Province", "Provinz"),
        ("610", "Feitelijke vereniging", "Association de fait", "Faktische Vereinigung"),
    ];

    private static readonly (string Category, string Code, string Nl, string Fr)[] OtherCodes =
    [
        ("JuridicalSituation", "000", "Normale toestand", "Situation normale"),
        ("JuridicalSituation", "012", "Opening faillissement", "Ouverture de faillite"),
        ("JuridicalSituation", "100", "Gerechtelijke reorganisatie", "Réorganisation judiciaire"),
        ("Status", "AC", "Actief", "Actif"),
        ("TypeOfEnterprise", "1", "Natuurlijk persoon", "Personne physique"),
        ("TypeOfEnterprise", "2", "Rechtspersoon", "Personne morale"),
        ("TypeOfAddress", "REGO", "Adres van de zetel", "Adresse du siège"),
        ("TypeOfAddress", "BAET", "Vestigingseenheid", "Unité d'établissement"),
        ("TypeOfDenomination", "001", "Naam", "Dénomination"),
        ("TypeOfDenomination", "002", "Afkorting", "Abréviation"),
        ("TypeOfDenomination", "003", "Commerciële naam", "Dénomination commerciale"),
        ("Language", "1", "Frans", "Français"),
        ("Language", "2", "Nederlands", "Néerlandais"),
        ("ActivityGroup", "001", "BTW-activiteiten", "Activités TVA"),
        ("Classification", "MAIN", "Hoofdactiviteit", "Activité principale"),
        ("ContactType", "EMAIL", "E-mail", "E-mail"),
        ("EntityContact", "ENT", "Onderneming", "Entreprise"),
        ("Nace2008", "84110", "Algemeen overheidsbestuur", "Administration publique générale"),
        ("Nace2008", "41201", "Bouw van residentiële gebouwen", "Construction de bâtiments résidentiels"),
    ];

    /// <summary>The rows of code.csv in the categories an import keeps.</summary>
    public static int KeptCodes => (JuridicalForms.Length * 3) + (OtherCodes.Count(c => KboFiles.KeptCodeCategories.Contains(c.Category)) * 2);

    public static KboGeneratedExtract GenerateFull(string path, KboGeneratorOptions options)
    {
        var random = new Random(options.Seed);
        var numbers = Numbers(random, options);
        var meta = new KboExtractMeta(KboImport.Full, options.ExtractNumber ?? 140, options.SnapshotDate, Timestamp(options.SnapshotDate), "1.0.0");
        var folder = Target(path, options.Zip);
        var included = new HashSet<string>(options.IncludeNumbers, StringComparer.Ordinal);
        var samples = new List<KboGeneratedEnterprise>();
        int denominations = 0, establishments = 0;
        List<KboInjectedRow> malformed;
        using (var enterprise = new CsvOut(folder, KboFiles.Enterprise, KboFiles.EnterpriseColumns))
        using (var denomination = new CsvOut(folder, KboFiles.Denomination, KboFiles.DenominationColumns))
        using (var address = new CsvOut(folder, KboFiles.Address, KboFiles.AddressColumns))
        using (var establishment = new CsvOut(folder, "establishment.csv", ["EstablishmentNumber", "StartDate", "EnterpriseNumber"]))
        using (var activity = new CsvOut(folder, "activity.csv", ["EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"]))
        using (var contact = new CsvOut(folder, "contact.csv", ["EntityNumber", "EntityContact", "ContactType", "Value"]))
        {
            var establishmentRows = new List<(string Number, string Enterprise, KboGeneratedEnterprise Data)>();
            var establishmentBase = 2_000_000_000L + random.Next(1_000_000);
            foreach (var number in numbers)
            {
                var data = Enterprise(random, number, included.Contains(number));
                var formatted = KboNumber.Parse(number).Formatted;
                enterprise.Row(formatted, "AC", "000", data.JuridicalForm == string.Empty ? "1" : "2", data.JuridicalForm, string.Empty, Date(random, 1950, 2025));
                denominations += WriteDenominations(denomination, formatted, data);
                if (random.Next(20) == 0)
                {
                    denomination.Row(formatted, "2", "003", data.Name + " Shop"); // a commercial name: not kept
                }

                WriteAddress(address, formatted, data);
                if (samples.Count < 3 || included.Contains(number))
                {
                    samples.Add(data);
                }

                if (random.Next(10) == 0)
                {
                    establishmentBase += 1 + random.Next(500);
                    var establishmentNumber = Establishment(establishmentBase);
                    establishment.Row(establishmentNumber, Date(random, 1990, 2025), formatted);
                    establishmentRows.Add((establishmentNumber, formatted, Enterprise(random, number, included: false)));
                    establishments++;
                }

                if (random.Next(5) == 0)
                {
                    activity.Row(formatted, "001", "2008", random.Next(2) == 0 ? "84110" : "41201", "MAIN");
                }

                if (random.Next(20) == 0)
                {
                    contact.Row(formatted, "ENT", "EMAIL", $"info@{number}.example");
                }
            }

            // Establishments come after the enterprises, as in the real files (numbers starting with 2).
            foreach (var (number, _, data) in establishmentRows)
            {
                denomination.Row(number, "2", "003", data.Name + " (vestiging)");
                WriteAddress(address, number, data, "BAET");
            }

            malformed = options.Malformed ? InjectMalformed(random, enterprise, denomination, address, numbers) : [];
        }

        WriteMeta(folder, meta);
        WriteCodes(folder);
        return Finish(path, folder, options.Zip, new KboGeneratedExtract(path, meta)
        {
            Enterprises = numbers.Count,
            Denominations = denominations,
            Addresses = numbers.Count,
            Codes = KeptCodes,
            Establishments = establishments,
            Malformed = malformed,
            Samples = samples,
        });
    }

    /// <summary>An update relative to the full extract at <paramref name="fullPath"/> (a folder or a .zip).</summary>
    public static KboGeneratedExtract GenerateUpdate(string path, string fullPath, KboGeneratorOptions options)
    {
        KboExtractMeta full;
        var numbers = new List<string>();
        using (var source = KboExtractSource.Open(fullPath))
        {
            full = KboMetaReader.Read(source);
            using var csv = new KboCsvFile(source, KboFiles.Enterprise, KboFiles.EnterpriseColumns);
            while (csv.Read())
            {
                if (csv.Malformed is null && KboNumber.TryParse(csv.Fields[0], out var number))
                {
                    numbers.Add(number.Digits);
                }
            }
        }

        numbers = [.. numbers.Distinct().Order(StringComparer.Ordinal)];
        var random = new Random(options.Seed);
        var meta = new KboExtractMeta(KboImport.Update, options.ExtractNumber ?? full.ExtractNumber + 1, full.SnapshotDate.AddDays(1), Timestamp(full.SnapshotDate.AddDays(1)), "1.0.0");
        var existing = new HashSet<string>(numbers, StringComparer.Ordinal);
        var included = options.IncludeNumbers.Where(existing.Contains).Order(StringComparer.Ordinal).ToList();

        // Which enterprises change how: the included ones in turn (to demo a sync), then random ones.
        var nameChanges = new SortedSet<string>(StringComparer.Ordinal);
        var addressChanges = new SortedSet<string>(StringComparer.Ordinal);
        var formChanges = new SortedSet<string>(StringComparer.Ordinal);
        var stopped = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < included.Count; i++)
        {
            (included.Count >= 4 && i == included.Count - 1 ? stopped : (i % 3) switch { 0 => nameChanges, 1 => formChanges, _ => addressChanges }).Add(included[i]);
        }

        var n = numbers.Count;
        Pick(random, numbers, nameChanges, Math.Max(1, n / 200), stopped, formChanges, addressChanges);
        Pick(random, numbers, addressChanges, Math.Max(1, n / 300), stopped, formChanges, nameChanges);
        Pick(random, numbers, formChanges, Math.Max(1, n / 1000), stopped, nameChanges, addressChanges);
        Pick(random, numbers, stopped, Math.Max(1, n / 500), nameChanges, formChanges, addressChanges);
        var added = new SortedSet<string>(StringComparer.Ordinal);
        while (added.Count < Math.Max(1, n / 300))
        {
            var candidate = KboNumber.FromBase(10_000_000 + random.Next(9_999_999)).Digits;
            if (!existing.Contains(candidate))
            {
                added.Add(candidate);
            }
        }

        var folder = Target(path, options.Zip);
        var samples = new List<KboGeneratedEnterprise>();
        int deleted = 0, denominations = 0, addresses = 0, enterprises = 0;
        using (var enterpriseDelete = new CsvOut(folder, "enterprise_delete.csv", ["EnterpriseNumber"]))
        using (var enterpriseInsert = new CsvOut(folder, "enterprise_insert.csv", KboFiles.EnterpriseColumns))
        using (var denominationDelete = new CsvOut(folder, "denomination_delete.csv", ["EntityNumber"]))
        using (var denominationInsert = new CsvOut(folder, "denomination_insert.csv", KboFiles.DenominationColumns))
        using (var addressDelete = new CsvOut(folder, "address_delete.csv", ["EntityNumber"]))
        using (var addressInsert = new CsvOut(folder, "address_insert.csv", KboFiles.AddressColumns))
        using (var establishmentDelete = new CsvOut(folder, "establishment_delete.csv", ["EstablishmentNumber"]))
        using (var establishmentInsert = new CsvOut(folder, "establishment_insert.csv", ["EstablishmentNumber", "StartDate", "EnterpriseNumber"]))
        using (var activityDelete = new CsvOut(folder, "activity_delete.csv", ["EntityNumber"]))
        using (var activityInsert = new CsvOut(folder, "activity_insert.csv", ["EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"]))
        using (var contactDelete = new CsvOut(folder, "contact_delete.csv", ["EntityNumber"]))
        using (var contactInsert = new CsvOut(folder, "contact_insert.csv", ["EntityNumber", "EntityContact", "ContactType", "Value"]))
        {
            foreach (var number in nameChanges.Concat(formChanges).Concat(addressChanges).Concat(added).Concat(stopped).Order(StringComparer.Ordinal))
            {
                var formatted = KboNumber.Parse(number).Formatted;
                var data = Enterprise(random, number, included.Contains(number));
                if (stopped.Contains(number))
                {
                    enterpriseDelete.Row(formatted);
                    denominationDelete.Row(formatted);
                    addressDelete.Row(formatted);
                    activityDelete.Row(formatted);
                    deleted += 3;
                    continue;
                }

                if (nameChanges.Contains(number))
                {
                    denominationDelete.Row(formatted);
                    deleted++;
                    data = data with { Name = data.Name + " Nieuw", NameFr = null };
                    denominations += WriteDenominations(denominationInsert, formatted, data);
                }

                if (formChanges.Contains(number))
                {
                    enterpriseDelete.Row(formatted);
                    deleted++;
                    data = data with { JuridicalForm = "124" };
                    enterpriseInsert.Row(formatted, "AC", "000", "2", "124", string.Empty, Date(random, 1950, 2025));
                    enterprises++;
                }

                if (addressChanges.Contains(number))
                {
                    addressDelete.Row(formatted);
                    deleted++;
                    WriteAddress(addressInsert, formatted, data);
                    addresses++;
                }

                if (added.Contains(number))
                {
                    enterpriseInsert.Row(formatted, "AC", "000", "2", data.JuridicalForm.Length == 0 ? "015" : data.JuridicalForm, string.Empty, Date(random, 2025, 2026));
                    enterprises++;
                    denominations += WriteDenominations(denominationInsert, formatted, data);
                    WriteAddress(addressInsert, formatted, data);
                    addresses++;
                }

                samples.Add(data);
            }

            // Establishments change too; their rows are in the same files and must be skipped.
            for (var i = 0; i < Math.Max(1, n / 1000); i++)
            {
                var establishmentNumber = Establishment(2_000_000_000L + random.Next(999_999_999));
                establishmentDelete.Row(establishmentNumber);
                denominationDelete.Row(establishmentNumber);
                addressDelete.Row(establishmentNumber);
                denominationInsert.Row(establishmentNumber, "2", "003", "Vestiging " + i.ToString(CultureInfo.InvariantCulture));
                establishmentInsert.Row(establishmentNumber, Date(random, 2025, 2026), KboNumber.Parse(numbers[random.Next(n)]).Formatted);
            }

            contactDelete.Row(KboNumber.Parse(numbers[0]).Formatted);
            contactInsert.Row(KboNumber.Parse(numbers[0]).Formatted, "ENT", "EMAIL", "nieuw@example.be");
            activityInsert.Row(KboNumber.Parse(numbers[0]).Formatted, "001", "2008", "84110", "MAIN");
        }

        WriteMeta(folder, meta);
        WriteCodes(folder);
        return Finish(path, folder, options.Zip, new KboGeneratedExtract(path, meta)
        {
            Enterprises = enterprises,
            Denominations = denominations,
            Addresses = addresses,
            Codes = KeptCodes,
            Deleted = deleted,
            Samples = samples,
            Stopped = [.. stopped],
            Added = [.. added],
        });
    }

    private static void Pick(Random random, List<string> numbers, SortedSet<string> into, int count, params SortedSet<string>[] others)
    {
        var target = Math.Min(numbers.Count - others.Sum(o => o.Count), into.Count + count);
        while (into.Count < target)
        {
            var candidate = numbers[random.Next(numbers.Count)];
            if (!others.Any(o => o.Contains(candidate)))
            {
                into.Add(candidate);
            }
        }
    }

    /// <summary>N valid enterprise numbers in ascending order (from 0200.000.0xx), merged with the included ones.</summary>
    private static List<string> Numbers(Random random, KboGeneratorOptions options)
    {
        var included = options.IncludeNumbers.Where(n => KboNumber.TryParse(n, out _)).Select(n => KboNumber.Parse(n).Digits).ToHashSet(StringComparer.Ordinal);
        // Enterprise numbers run from 0200.000.0xx to 1999.999.9xx (a 2 in front is an establishment).
        var step = Math.Max(2, 17_900_000 / Math.Max(1, options.Enterprises));
        var numbers = new List<string>(options.Enterprises + included.Count);
        var first8 = 2_000_000;
        for (var i = 0; i < options.Enterprises; i++)
        {
            first8 += 1 + random.Next(step - 1);
            numbers.Add(KboNumber.FromBase(first8).Digits);
        }

        numbers.AddRange(included);
        return [.. numbers.Distinct().Order(StringComparer.Ordinal)];
    }

    private static KboGeneratedEnterprise Enterprise(Random random, string number, bool included)
    {
        var municipality = Municipalities[random.Next(Municipalities.Length)];
        var naturalPerson = !included && random.Next(5) == 0;
        var form = included ? "124" : naturalPerson ? string.Empty : JuridicalForms[random.Next(JuridicalForms.Length)].Code;
        var language = random.Next(100);
        var name = language switch
        {
            < 25 => $"{FrenchWords[random.Next(FrenchWords.Length)]} {FrenchPlaces[random.Next(FrenchPlaces.Length)]}",
            < 27 => $"{GermanWords[random.Next(GermanWords.Length)]} {municipality.Nl}",
            _ => $"{Prefixes[random.Next(Prefixes.Length)]}{Suffixes[random.Next(Suffixes.Length)]} {municipality.Nl}",
        };
        name += " " + number[6..];
        var nameFr = language >= 27 && municipality.Zip == "1000" ? $"{FrenchWords[random.Next(FrenchWords.Length)]} {municipality.Fr} {number[6..]}" : null;
        var abbreviation = random.Next(100) < 15 ? string.Concat(name.Split(' ').Where(w => w.Length > 0 && char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0]))) : null;
        return new KboGeneratedEnterprise(number, form, name, nameFr, abbreviation, $"{Streets[random.Next(Streets.Length)]}|{1 + random.Next(250)}", $"{municipality.Zip}|{municipality.Nl}|{municipality.Fr}");
    }

    /// <summary>Name in the language the name is in (FR 1, DE 3, NL 2), a French name in Brussels, an abbreviation sometimes.</summary>
    private static int WriteDenominations(CsvOut file, string formatted, KboGeneratedEnterprise data)
    {
        var language = FrenchWords.Any(w => data.Name.StartsWith(w, StringComparison.Ordinal)) ? "1"
            : GermanWords.Any(w => data.Name.StartsWith(w, StringComparison.Ordinal)) ? "3" : "2";
        file.Row(formatted, language, KboDenomination.NameType, data.Name);
        var rows = 1;
        if (data.NameFr is not null)
        {
            file.Row(formatted, "1", KboDenomination.NameType, data.NameFr);
            rows++;
        }

        if (data.Abbreviation is not null)
        {
            file.Row(formatted, language, KboDenomination.AbbreviationType, data.Abbreviation);
            rows++;
        }

        return rows;
    }

    private static void WriteAddress(CsvOut file, string number, KboGeneratedEnterprise data, string type = KboAddress.RegisteredSeatType)
    {
        var street = data.Street.Split('|');
        var place = data.Municipality.Split('|');
        file.Row(number, type, "België", "Belgique", place[0], place[1], place[2], street[0], street[0], street[1], string.Empty, string.Empty, string.Empty);
    }

    private static List<KboInjectedRow> InjectMalformed(Random random, CsvOut enterprise, CsvOut denomination, CsvOut address, List<string> numbers)
    {
        var first = KboNumber.Parse(numbers[0]).Formatted;
        var fresh = KboNumber.FromBase(19_999_000 + random.Next(900)).Formatted;
        var badCheck = numbers[^1][..8] + ((int.Parse(numbers[^1][8..], CultureInfo.InvariantCulture) + 1) % 100).ToString("D2", CultureInfo.InvariantCulture);
        var badCheckFormatted = $"{badCheck[..4]}.{badCheck[4..7]}.{badCheck[7..]}";
        enterprise.Row(fresh, "AC", "000");
        enterprise.Row(fresh, "AC", "000", "2", "014", string.Empty, "31-02-2020");
        enterprise.Row(badCheckFormatted, "AC", "000", "2", "014", string.Empty, "01-01-2000");
        enterprise.Row("12AB.345.678", "AC", "000", "2", "014", string.Empty, "01-01-2000");
        enterprise.Row(fresh, "AC", "000", "2", "0140", string.Empty, "01-01-2000");
        enterprise.Row(first, "AC", "000", "2", "014", string.Empty, "01-01-2000");
        denomination.Row(first, "2", "009", "Onbekend type");
        denomination.Row(first, "7", "001", "Onbekende taal");
        denomination.Row(fresh, "2", "001", new string('x', KboDenomination.ValueMaxLength + 1));
        denomination.Row(badCheckFormatted, "2", "001", "Fout controlegetal");
        address.Row(first, "REGO", "België", "Belgique", new string('9', KboAddress.ShortTextMaxLength + 1), "Gent", "Gand", "Kerkstraat", "Kerkstraat", "1", string.Empty, string.Empty, string.Empty);
        address.Row(fresh, "REGO", "België", "Belgique", "9000", "Gent", "Gand", "Kerkstraat", "Kerkstraat", "1", string.Empty, string.Empty, "2020-01-01");
        address.Raw($"\"{fresh}\",\"REGO\",\"Belgi\"ë\",\"Belgique\",\"9000\",\"Gent\",\"Gand\",\"Kerkstraat\",\"Kerkstraat\",\"1\",\"\",\"\",\"\"");
        return
        [
            new(KboFiles.Enterprise, "kolommen", "3 kolommen, verwacht 7"),
            new(KboFiles.Enterprise, "datum", "StartDate '31-02-2020' is geen datum"),
            new(KboFiles.Enterprise, "controlegetal", "controlegetal klopt niet"),
            new(KboFiles.Enterprise, "formaat", "'12AB.345.678' is geen geldig KBO-nummer"),
            new(KboFiles.Enterprise, "te lang", "JuridicalForm is 4 tekens lang, hoogstens 3 toegelaten"),
            new(KboFiles.Enterprise, "dubbel", "dubbele rij"),
            new(KboFiles.Denomination, "type", "onbekend type benaming '009'"),
            new(KboFiles.Denomination, "taal", "onbekende taal '7'"),
            new(KboFiles.Denomination, "te lang", "Denomination is 321 tekens lang, hoogstens 320 toegelaten"),
            new(KboFiles.Denomination, "controlegetal", "controlegetal klopt niet"),
            new(KboFiles.Address, "te lang", "Zipcode is 41 tekens lang, hoogstens 40 toegelaten"),
            new(KboFiles.Address, "datum", "DateStrikingOff '2020-01-01' is geen datum"),
            new(KboFiles.Address, "aanhalingstekens", "aanhalingstekens"),
        ];
    }

    private static string Establishment(long number)
    {
        var digits = number.ToString("D10", CultureInfo.InvariantCulture);
        return $"{digits[..1]}.{digits[1..4]}.{digits[4..7]}.{digits[7..]}";
    }

    private static string Date(Random random, int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next((toYear - fromYear) * 365)).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static DateTimeOffset Timestamp(DateOnly snapshot) => new(snapshot.AddDays(1).ToDateTime(new TimeOnly(4, 14, 29)), TimeSpan.Zero);

    private static void WriteMeta(string folder, KboExtractMeta meta)
    {
        using var file = new CsvOut(folder, KboMetaReader.File, ["Variable", "Value"]);
        file.Row("SnapshotDate", meta.SnapshotDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        file.Row("ExtractTimestamp", KboValues.InBrussels(meta.ExtractTimestamp!.Value).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture));
        file.Row("ExtractType", meta.ExtractType);
        file.Row("ExtractNumber", meta.ExtractNumber.ToString("D4", CultureInfo.InvariantCulture));
        file.Row("Version", meta.Version ?? "1.0.0");
    }

    private static void WriteCodes(string folder)
    {
        using var file = new CsvOut(folder, KboFiles.Code, KboFiles.CodeColumns);
        foreach (var (code, nl, fr, de) in JuridicalForms)
        {
            file.Row("JuridicalForm", code, "FR", fr);
            file.Row("JuridicalForm", code, "NL", nl);
            file.Row("JuridicalForm", code, "DE", de);
        }

        foreach (var (category, code, nl, fr) in OtherCodes)
        {
            file.Row(category, code, "FR", fr);
            file.Row(category, code, "NL", nl);
        }
    }

    /// <summary>The folder to write into: the path itself, or a temporary one that becomes the zip.</summary>
    private static string Target(string path, bool zip)
    {
        var folder = zip ? Directory.CreateTempSubdirectory("kbo-extract-").FullName : path;
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static KboGeneratedExtract Finish(string path, string folder, bool zip, KboGeneratedExtract result)
    {
        if (zip)
        {
            File.Delete(path);
            ZipFile.CreateFromDirectory(folder, path, CompressionLevel.Fastest, includeBaseDirectory: false);
            Directory.Delete(folder, recursive: true);
        }

        return result;
    }

    /// <summary>A CSV file as the KBO writes them: every field quoted, quotes doubled, CRLF line ends, UTF-8 without BOM.</summary>
    private sealed class CsvOut : IDisposable
    {
        private readonly StreamWriter _writer;
        private readonly StringBuilder _line = new(256);

        public CsvOut(string folder, string name, IReadOnlyList<string> header)
        {
            _writer = new StreamWriter(Path.Combine(folder, name), append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
            Row([.. header]);
        }

        public void Row(params string[] fields)
        {
            _line.Clear();
            for (var i = 0; i < fields.Length; i++)
            {
                _line.Append(i == 0 ? "\"" : ",\"").Append(fields[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            _writer.WriteLine(_line);
        }

        public void Raw(string line) => _writer.WriteLine(line);

        public void Dispose() => _writer.Dispose();
    }
}
