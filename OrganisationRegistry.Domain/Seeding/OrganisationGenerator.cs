using System.Globalization;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>
/// Generates organisations that look like the register's: municipalities with their services, OCMW and autonomous
/// companies, welfare associations, intermunicipal associations, police zones, school groups, vzw's, church councils,
/// water boards, and divisions below the real departments and agencies. Every organisation is built through the
/// domain's own behaviour (<see cref="Organisation.AddParent"/>, <see cref="Organisation.Assign"/>,
/// <see cref="Organisation.AddKey"/>), so its rules hold: no overlapping periods, no cycles.
/// <para>
/// The same random seed on the same reference data gives the same organisations in the same order. A parent is
/// always generated before its children (and so gets the lower OVO code), and every parent, in the structure or within a
/// domain, is an organisation generated earlier or a reference organisation: the hierarchies cannot have cycles.
/// Trees go at most <see cref="MaxDepth"/> levels below their root.
/// </para>
/// </summary>
public sealed class OrganisationGenerator
{
    public const int MaxDepth = 5;

    private static readonly DateOnly MunicipalMerger = new(1977, 1, 1);
    private static readonly DateOnly PoliceReform = new(2002, 1, 1);
    private static readonly string[] CultureThemes = ["Cultuurraad", "Jeugdraad", "Jeugdhuis", "Erfgoedkring", "Muziekacademie", "Gemeenschapscentrum", "Bibliotheekvereniging"];
    private static readonly (string Name, Article Article)[] Facilities =
        [("Zwembad", Article.Het), ("Sporthal", Article.De), ("Cultuurcentrum", Article.Het), ("Parking", Article.De), ("Recreatiedomein", Article.Het), ("Jeugdcentrum", Article.Het)];

    private static readonly string[] PoliceServices = ["Verkeer", "Recherche", "Interventie", "Lokale Opsporing", "Wijkwerking", "Onthaal"];

    private readonly SeedRandom _random;
    private readonly ReferenceSet _reference;
    private readonly DateOnly _asOf;
    private readonly HashSet<string> _usedKbo;
    private readonly Dictionary<string, HashSet<string>> _usedKeys;
    private readonly Dictionary<Guid, Organisation> _known = [];
    private readonly List<Node>[] _levels = [.. Enumerable.Range(0, MaxDepth + 1).Select(_ => new List<Node>())];
    private readonly List<Organisation> _flemishRoots;
    private readonly Queue<string> _municipalities;
    private Func<OvoCode> _nextOvo = () => throw new InvalidOperationException("Call Generate first.");
    private int _remaining;

    /// <param name="usedKboNumbers">The KBO numbers (10 digits) already in the register: generated ones differ from them.</param>
    /// <param name="usedKeyValues">Key values already in the register, per key type code: generated ones differ from them.</param>
    /// <param name="asOf">"Today" for the data: every end date lies before it. Fixed, so that a seed gives the same data on any day.</param>
    public OrganisationGenerator(
        long randomSeed,
        ReferenceSet reference,
        DateOnly asOf,
        IEnumerable<string> usedKboNumbers,
        IReadOnlyDictionary<string, IEnumerable<string>> usedKeyValues)
    {
        _random = new SeedRandom(randomSeed);
        _reference = reference;
        _asOf = asOf;
        _usedKbo = [.. usedKboNumbers];
        _usedKeys = reference.KeyTypes.Keys.ToDictionary(
            code => code,
            code => usedKeyValues.TryGetValue(code, out var values) ? new HashSet<string>(values, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            StringComparer.Ordinal);
        foreach (var organisation in reference.Organisations)
        {
            _known[organisation.Id] = organisation;
        }

        _flemishRoots = [.. reference.Organisations.Where(o => o.ValidTo is null)];
        var municipalities = FlemishNames.Municipalities.ToArray();
        for (var i = municipalities.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (municipalities[i], municipalities[j]) = (municipalities[j], municipalities[i]);
        }

        _municipalities = new Queue<string>(municipalities);
    }

    private enum Kind
    {
        Municipality,
        Ocmw,
        AutonomousCompany,
        Facility,
        MunicipalService,
        MunicipalSchool,
        SchoolSite,
        WelfareAssociation,
        CareUnit,
        Intermunicipal,
        IntermunicipalUnit,
        PoliceZone,
        PoliceUnit,
        SchoolGroup,
        GoSchool,
        CatholicBoard,
        CatholicSchool,
        Association,
        AssociationUnit,
        ChurchCouncil,
        ChurchFabric,
        WaterBoard,
        FlemishUnit,
    }

    /// <summary>
    /// Generates <paramref name="count"/> organisations lazily; each takes the next code of <paramref name="nextOvo"/> when
    /// it is created, so a caller that reserves codes per batch hands out exactly as many as it takes.
    /// </summary>
    public IEnumerable<Organisation> Generate(int count, Func<OvoCode> nextOvo)
    {
        _nextOvo = nextOvo;
        _remaining = count;
        while (_remaining > 0)
        {
            foreach (var organisation in Tree())
            {
                yield return organisation;
            }

            ForgetTree();
        }
    }

    private IEnumerable<Organisation> Tree()
    {
        Node root;
        var choice = _random.Next(100);
        // Each municipality once; when all are used, their share goes to the other kinds.
        if (choice < 8 && _municipalities.TryDequeue(out var municipality))
        {
            root = Create(Kind.Municipality, parent: null, municipality);
        }
        else if (choice is >= 8 and < 14 && _flemishRoots.Count > 0)
        {
            // Divisions below a real department or agency: the reference organisation is the (not generated) root.
            root = new Node(_random.Pick(_flemishRoots), 0, Kind.FlemishUnit, Place: string.Empty, ShortName: null, Parent: null);
            _levels[0].Add(root);
        }
        else
        {
            var place = _random.Pick(FlemishNames.Municipalities);
            var kind = _random.Next(86) switch
            {
                < 8 => Kind.WelfareAssociation,
                < 16 => Kind.Intermunicipal,
                < 22 => Kind.AutonomousCompany,
                < 27 => Kind.PoliceZone,
                < 32 => Kind.SchoolGroup,
                < 42 => Kind.CatholicBoard,
                < 70 => Kind.Association,
                < 80 => Kind.ChurchCouncil,
                _ => Kind.WaterBoard,
            };
            root = Create(kind, parent: null, place);
        }

        if (root.Kind != Kind.FlemishUnit)
        {
            yield return root.Organisation;
        }

        foreach (var organisation in Descendants(root))
        {
            yield return organisation;
        }
    }

    private IEnumerable<Organisation> Descendants(Node parent)
    {
        if (parent.Depth >= MaxDepth)
        {
            yield break;
        }

        var children = ChildCount(parent);
        for (var i = 0; i < children && _remaining > 0; i++)
        {
            var child = Create(ChildKind(parent, i), parent, parent.Place);
            yield return child.Organisation;
            foreach (var organisation in Descendants(child))
            {
                yield return organisation;
            }
        }
    }

    private int ChildCount(Node node) => node.Kind switch
    {
        Kind.Municipality => _random.Between(6, 14),
        Kind.Ocmw => _random.Between(1, 5),
        Kind.AutonomousCompany => _random.Skewed(3),
        Kind.MunicipalService => _random.Skewed(6 - node.Depth),
        Kind.MunicipalSchool or Kind.GoSchool or Kind.CatholicSchool => _random.Skewed(2),
        Kind.WelfareAssociation => _random.Between(2, 8),
        Kind.Intermunicipal => _random.Between(2, 8),
        Kind.IntermunicipalUnit => _random.Skewed(4 - Math.Min(node.Depth, 3)),
        Kind.PoliceZone => _random.Between(2, 6),
        Kind.PoliceUnit => _random.Skewed(1),
        Kind.SchoolGroup => _random.Between(4, 15),
        Kind.CatholicBoard => _random.Between(1, 8),
        Kind.Association => _random.Skewed(2),
        Kind.ChurchCouncil => _random.Between(2, 7),
        Kind.FlemishUnit => node.Depth == 0 ? _random.Between(3, 12) : _random.Skewed(6 - node.Depth),
        Kind.Facility or Kind.SchoolSite or Kind.CareUnit or Kind.AssociationUnit or Kind.ChurchFabric or Kind.WaterBoard => 0,
        _ => 0,
    };

    private Kind ChildKind(Node parent, int index) => parent.Kind switch
    {
        Kind.Municipality => index switch
        {
            0 => Kind.Ocmw,
            1 when _random.Chance(0.5) => Kind.AutonomousCompany,
            _ => _random.Chance(0.8) ? Kind.MunicipalService : Kind.MunicipalSchool,
        },
        Kind.Ocmw or Kind.WelfareAssociation => Kind.CareUnit,
        Kind.AutonomousCompany => Kind.Facility,
        Kind.MunicipalService => Kind.MunicipalService,
        Kind.MunicipalSchool or Kind.GoSchool or Kind.CatholicSchool => Kind.SchoolSite,
        Kind.Intermunicipal or Kind.IntermunicipalUnit => Kind.IntermunicipalUnit,
        Kind.PoliceZone or Kind.PoliceUnit => Kind.PoliceUnit,
        Kind.SchoolGroup => Kind.GoSchool,
        Kind.CatholicBoard => Kind.CatholicSchool,
        Kind.Association => Kind.AssociationUnit,
        Kind.ChurchCouncil => Kind.ChurchFabric,
        Kind.FlemishUnit => Kind.FlemishUnit,
        _ => throw new InvalidOperationException($"{parent.Kind} has no children."),
    };

    // ---- One organisation -----------------------------------------------------------------------------------

    private Node Create(Kind kind, Node? parent, string place)
    {
        var (name, shortName, article) = Describe(kind, parent, place);
        var validity = ValidityFor(kind, parent);
        var kbo = _random.Chance(KboShare(kind)) ? NewKboNumber() : (KboNumber?)null;
        var policyDomainId = kind == Kind.FlemishUnit ? parent?.Organisation.PolicyDomainId : null;
        var organisation = Organisation.Create(_nextOvo(), new OrganisationDetails(name, shortName, article, null, kbo, validity, policyDomainId));
        _remaining--;

        var node = new Node(organisation, (parent?.Depth ?? -1) + 1, kind, place, shortName ?? parent?.ShortName, parent);
        _known[organisation.Id] = organisation;
        _levels[node.Depth].Add(node);
        if (parent is not null)
        {
            PlaceUnder(node, parent);
        }

        AddKeys(node);
        AssignToDomains(node);
        return node;
    }

    private (string Name, string? ShortName, Article? Article) Describe(Kind kind, Node? parent, string place)
    {
        var r = _random;
        string Theme(IReadOnlyList<string> themes) => r.Pick(themes);
        switch (kind)
        {
            case Kind.Municipality:
                return ($"{(FlemishNames.Cities.Contains(place) ? "Stad" : "Gemeente")} {place}", null, Article.De);
            case Kind.Ocmw:
                return ($"Openbaar Centrum voor Maatschappelijk Welzijn {place}", $"OCMW {place}", Article.Het);
            case Kind.AutonomousCompany:
                return (r.Chance(0.5) ? $"Autonoom Gemeentebedrijf {place}" : $"Autonoom Gemeentebedrijf {Theme(FlemishNames.AutonomousCompanyThemes)} {place}", $"AGB {place}", Article.Het);
            case Kind.Facility:
                var facility = r.Pick(Facilities);
                return ($"{facility.Name} {r.Pick(FlemishNames.PlaceNames)} {place}", null, facility.Article);
            case Kind.MunicipalService:
                var (unit, unitArticle) = UnitFor(parent!.Depth + 1, municipal: true);
                return ($"{unit} {Theme(FlemishNames.MunicipalThemes)} {place}", null, unitArticle);
            case Kind.MunicipalSchool:
                return (r.Next(4) switch
                {
                    0 => $"Academie voor Muziek, Woord en Dans {place}",
                    1 => $"Academie voor Beeldende Kunsten {place}",
                    _ => $"{(FlemishNames.Cities.Contains(place) ? "Stedelijke" : "Gemeentelijke")} Basisschool {r.Pick(FlemishNames.PlaceNames)} {place}",
                }, null, Article.De);
            case Kind.SchoolSite:
                return ($"Vestigingsplaats {r.Pick(FlemishNames.Streets)} {place}", null, Article.De);
            case Kind.WelfareAssociation:
                return r.Chance(0.6)
                    ? ($"Welzijnsvereniging {Theme(FlemishNames.Regions)}", null, Article.De)
                    : ($"Zorgbedrijf {place}", null, Article.Het);
            case Kind.CareUnit:
                var care = r.Pick(FlemishNames.CareUnits);
                return ($"{care} {r.Pick(FlemishNames.PlaceNames)} {place}", null, care == "Assistentiewoningen" ? Article.De : Article.Het);
            case Kind.Intermunicipal:
                var form = r.Pick(FlemishNames.IntermunicipalForms);
                var intermunicipal = $"{form} {Theme(FlemishNames.IntermunicipalPurposes)} {Theme(FlemishNames.Regions)}";
                return (intermunicipal, Acronym(intermunicipal), Article.De);
            case Kind.IntermunicipalUnit:
                var (iUnit, iArticle) = UnitFor(parent!.Depth + 1, municipal: false);
                return ($"{iUnit} {Theme(FlemishNames.AdministrationThemes)} {parent.ShortName}", null, iArticle);
            case Kind.PoliceZone:
                var partner = r.Pick(FlemishNames.Municipalities);
                return r.Chance(0.4) && partner != place
                    ? ($"Politiezone {place}/{partner}", $"PZ {place}/{partner}", Article.De)
                    : ($"Politiezone {place}", $"PZ {place}", Article.De);
            case Kind.PoliceUnit:
                return r.Chance(0.5)
                    ? ($"Wijkcommissariaat {r.Pick(FlemishNames.Streets)} {place}", null, Article.Het)
                    : ($"Dienst {r.Pick(PoliceServices)} {parent!.ShortName}", null, Article.De);
            case Kind.SchoolGroup:
                return ($"Scholengroep {Theme(FlemishNames.Regions)}", null, Article.De);
            case Kind.GoSchool:
                var goForm = r.Pick(FlemishNames.SecondarySchoolForms);
                var schoolPlace = r.Pick(FlemishNames.Municipalities);
                return (goForm.Contains("school", StringComparison.Ordinal) ? $"{goForm} {r.Pick(FlemishNames.PlaceNames)} {schoolPlace}" : $"{goForm} {schoolPlace}",
                    null,
                    goForm.Contains("Atheneum", StringComparison.Ordinal) ? Article.Het : Article.De);
            case Kind.CatholicBoard:
                return r.Chance(0.5)
                    ? ($"Katholiek Onderwijs {Theme(FlemishNames.Regions)} vzw", null, null)
                    : ($"Scholengroep Sint-{Theme(FlemishNames.Saints)} {place} vzw", null, null);
            case Kind.CatholicSchool:
                var catholic = r.Pick(FlemishNames.CatholicSchoolForms);
                var catholicName = catholic.Contains("{0}", StringComparison.Ordinal)
                    ? string.Format(CultureInfo.InvariantCulture, catholic, r.Pick(FlemishNames.Saints)) + " " + place
                    : $"{catholic} {r.Pick(FlemishNames.PlaceNames)} {place}";
                return (catholicName, null, catholic.EndsWith("college", StringComparison.Ordinal) || catholic.EndsWith("instituut", StringComparison.Ordinal) ? Article.Het : Article.De);
            case Kind.Association:
                var theme = Theme(FlemishNames.AssociationThemes);
                return (r.Chance(0.8) ? $"{theme} {place} vzw" : $"vzw {theme} {place}", null, null);
            case Kind.AssociationUnit:
                return ($"Werkgroep {Theme(FlemishNames.MunicipalThemes)} {place}", null, Article.De);
            case Kind.ChurchCouncil:
                return ($"Centraal Kerkbestuur {place}", null, Article.Het);
            case Kind.ChurchFabric:
                return ($"Kerkfabriek Sint-{Theme(FlemishNames.Saints)} {place}", null, Article.De);
            case Kind.WaterBoard:
                return ($"{r.Pick(FlemishNames.WaterBoards)} {Theme(FlemishNames.WaterBoardNames)}", null, Article.De);
            case Kind.FlemishUnit:
                var (fUnit, fArticle) = UnitFor(parent!.Depth + 1, municipal: false);
                var fTheme = Theme(FlemishNames.AdministrationThemes);
                return (parent.Depth == 0 && r.Chance(0.25) ? $"{fUnit} {fTheme} {r.Pick(FlemishNames.Provinces)}" : $"{fUnit} {fTheme}", null, fArticle);
            default:
                throw new InvalidOperationException($"No name for {kind}.");
        }
    }

    private (string Unit, Article Article) UnitFor(int depth, bool municipal) => depth switch
    {
        1 => municipal ? ("Dienst", Article.De) : ("Afdeling", Article.De),
        2 => _random.Chance(0.5) ? ("Team", Article.Het) : (municipal ? ("Cel", Article.De) : ("Dienst", Article.De)),
        3 => ("Cel", Article.De),
        _ => ("Werkgroep", Article.De),
    };

    private static string Acronym(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word != "voor" && char.IsUpper(word[0]))
            .Select(word => word[0]));

    private static double KboShare(Kind kind) => kind switch
    {
        Kind.Municipality or Kind.Ocmw or Kind.AutonomousCompany or Kind.PoliceZone or Kind.Intermunicipal
            or Kind.WelfareAssociation or Kind.SchoolGroup or Kind.CatholicBoard or Kind.ChurchCouncil => 1.0,
        Kind.Association => 0.95,
        Kind.ChurchFabric => 0.9,
        Kind.WaterBoard => 0.8,
        _ => 0.0,
    };

    // ---- Periods and structure ------------------------------------------------------------------------------

    private Validity ValidityFor(Kind kind, Node? parent)
    {
        var latest = _asOf.AddDays(-60);
        DateOnly? from;
        if (parent is null)
        {
            from = kind switch
            {
                Kind.Municipality => MunicipalMerger,
                Kind.PoliceZone => PoliceReform,
                Kind.WelfareAssociation => _random.DateBetween(new(2000, 1, 1), latest),
                Kind.Intermunicipal => _random.DateBetween(new(1960, 1, 1), latest),
                Kind.SchoolGroup => _random.DateBetween(new(1991, 1, 1), new(1999, 12, 31)),
                Kind.Association => _random.Chance(0.15) ? null : _random.DateBetween(new(1975, 1, 1), latest),
                Kind.WaterBoard => _random.Chance(0.5) ? null : _random.DateBetween(new(1850, 1, 1), new(1990, 12, 31)),
                _ => _random.DateBetween(new(1950, 1, 1), latest),
            };
        }
        else
        {
            var parentFrom = parent.Organisation.ValidFrom;
            var parentTo = parent.Organisation.ValidTo;
            var upper = parentTo is { } end && end < latest ? end : latest;
            from = parentFrom switch
            {
                null when _random.Chance(0.3) => null,
                null => _random.DateBetween(new(1990, 1, 1), upper),
                { } start when kind == Kind.Ocmw || _random.Chance(0.4) => start,
                { } start => _random.DateBetween(start, upper < start ? start : upper),
            };
        }

        DateOnly? to = null;
        if (kind == Kind.Municipality && _random.Chance(0.05))
        {
            // Merged in one of the real waves of voluntary mergers.
            to = _random.Chance(0.5) ? new DateOnly(2018, 12, 31) : new DateOnly(2024, 12, 31);
        }
        else if (kind != Kind.Municipality && _random.Chance(parent is null ? 0.06 : 0.05))
        {
            var earliest = (from ?? new DateOnly(2000, 1, 1)).AddDays(365);
            if (earliest < _asOf)
            {
                to = _random.DateBetween(earliest, _asOf.AddDays(-1));
            }
        }

        return new Validity(from, to);
    }

    /// <summary>
    /// Links the new organisation to its parent for its whole life. When the parent ends first, the organisation
    /// either ends with it or moves to another organisation at the parent's level from the next day on; a few also
    /// move during a reorganisation while their parent goes on.
    /// </summary>
    private void PlaceUnder(Node node, Node parent)
    {
        var organisation = node.Organisation;
        var from = organisation.ValidFrom;
        var to = organisation.ValidTo;
        var parentTo = parent.Organisation.ValidTo;

        DateOnly? moveOn = null;
        if (parentTo is { } parentEnd && (to is null || to > parentEnd))
        {
            moveOn = parentEnd.AddDays(1);
            if (!_random.Chance(0.5) || Successor(parent, moveOn.Value) is null)
            {
                moveOn = null;
                to = parentEnd;
                organisation.Update(organisation.CurrentDetails() with { Validity = new Validity(from, to) });
            }
        }
        else if (node.Depth >= 2 && _random.Chance(0.03))
        {
            var earliest = (from ?? new DateOnly(2000, 1, 1)).AddDays(30);
            var latest = (to ?? _asOf).AddDays(-1);
            if (earliest < latest)
            {
                moveOn = _random.DateBetween(earliest, latest);
            }
        }

        var successor = moveOn is { } day ? Successor(parent, day) : null;
        if (successor is null)
        {
            organisation.AddParent(parent.Organisation, new Validity(from, to), StructureParentsOf);
            return;
        }

        organisation.AddParent(parent.Organisation, new Validity(from, moveOn!.Value.AddDays(-1)), StructureParentsOf);
        organisation.AddParent(successor.Organisation, new Validity(moveOn.Value, to), StructureParentsOf);
    }

    /// <summary>An organisation of this tree at the level of <paramref name="parent"/> that exists on <paramref name="day"/> and goes on.</summary>
    private Node? Successor(Node parent, DateOnly day)
    {
        var level = _levels[parent.Depth];
        var candidates = level.Where(n => !ReferenceEquals(n, parent) && n.Organisation.ValidTo is null && (n.Organisation.ValidFrom ?? DateOnly.MinValue) <= day).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    private IEnumerable<DatedLink> StructureParentsOf(Guid id) =>
        _known.TryGetValue(id, out var organisation) ? organisation.Parents.Select(p => p.ToLink()) : [];

    private IEnumerable<DatedLink> DomainParentsOf(Guid domainId, Guid id) =>
        _known.TryGetValue(id, out var organisation)
            ? organisation.Assignments
                .Where(a => a.ApplicationDomainId == domainId && a.ParentOrganisationId is not null)
                .Select(a => new DatedLink(id, a.ParentOrganisationId!.Value, a.Validity))
            : [];

    private void ForgetTree()
    {
        foreach (var level in _levels)
        {
            foreach (var node in level.Where(n => n.Kind != Kind.FlemishUnit || n.Depth > 0))
            {
                _known.Remove(node.Organisation.Id);
            }

            level.Clear();
        }
    }

    // ---- Application domains --------------------------------------------------------------------------------

    private void AssignToDomains(Node node)
    {
        var root = Root(node);
        switch (node.Kind)
        {
            case Kind.Municipality when _random.Chance(0.75):
                Assign(node, ReferenceCatalogue.Bestuursdecreet, "lokale-overheden", null, "deugdelijk-bestuur");
                break;
            case Kind.Ocmw or Kind.AutonomousCompany when _random.Chance(0.7):
                Assign(node, ReferenceCatalogue.Bestuursdecreet, "lokale-overheden", root == node ? null : root.Organisation, null);
                break;
            case Kind.WelfareAssociation or Kind.Intermunicipal when _random.Chance(0.6):
                Assign(node, ReferenceCatalogue.Bestuursdecreet, "lokale-overheden", null, "deugdelijk-bestuur");
                break;
            case Kind.WaterBoard when _random.Chance(0.3):
                Assign(node, ReferenceCatalogue.Bestuursdecreet, "lokale-overheden", null, null);
                break;
            case Kind.SchoolGroup when _random.Chance(0.8):
                Assign(node, ReferenceCatalogue.Vco, "onderwijsinstellingen", _reference.Organisation(ReferenceCatalogue.GoOnderwijs), null);
                break;
            case Kind.Association:
                if (_random.Chance(0.08))
                {
                    Assign(node, ReferenceCatalogue.Bestuursdecreet, "privaatrechtelijke-instellingen-publieke-taak", null, "deugdelijk-bestuur");
                }

                if (_random.Chance(0.04))
                {
                    Assign(node, ReferenceCatalogue.Vco, "vzw-overheid", null, "onder-esr-drempel");
                }

                break;
            case Kind.FlemishUnit when node.Depth == 1 && _random.Chance(0.06):
                Assign(node, ReferenceCatalogue.Vco, "dab", node.Parent!.Organisation, null);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Assigns for the organisation's life from the day the regulation applies. Some assignments ended; some of those
    /// were followed the next day by one in <paramref name="laterCategory"/>. The parent within the domain is kept only
    /// when it falls under the domain itself on the first day.
    /// </summary>
    private void Assign(Node node, string domainCode, string categoryCode, Organisation? parent, string? laterCategory)
    {
        var domain = _reference.Domains[domainCode];
        var category = _reference.ActiveCategory(domainCode, categoryCode);
        if (category is null)
        {
            return;
        }

        var organisation = node.Organisation;
        var inForce = ReferenceCatalogue.ApplicationDomains.First(d => d.Code == domainCode).InForceFrom;
        var from = organisation.ValidFrom is { } start && start > inForce ? start : inForce;
        var to = organisation.ValidTo;
        if (_random.Chance(0.25))
        {
            from = _random.DateBetween(from, Min(from.AddYears(3), (to ?? _asOf).AddDays(-1)));
        }

        if (to is { } end && end < from)
        {
            return;
        }

        if (parent is not null && !parent.Assignments.Any(a => a.ApplicationDomainId == domain.Id && a.Validity.Contains(from)))
        {
            parent = null;
        }

        if (to is null && _random.Chance(0.12) && from.AddDays(180) < _asOf)
        {
            var ended = _random.DateBetween(from.AddDays(180), _asOf.AddDays(-1));
            organisation.Assign(domain, category, new Validity(from, ended), parent, null, id => DomainParentsOf(domain.Id, id));
            if (laterCategory is not null && _random.Chance(0.6) && _reference.ActiveCategory(domainCode, laterCategory) is { } next)
            {
                organisation.Assign(domain, next, new Validity(ended.AddDays(1), null), null, "Andere categorie na herziening.", id => DomainParentsOf(domain.Id, id));
            }

            return;
        }

        organisation.Assign(domain, category, new Validity(from, to), parent, null, id => DomainParentsOf(domain.Id, id));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static Node Root(Node node)
    {
        var current = node;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    // ---- Keys and KBO numbers -------------------------------------------------------------------------------

    private void AddKeys(Node node)
    {
        switch (node.Kind)
        {
            case Kind.FlemishUnit:
                AddKey(node, "vlimpers", 0.4);
                AddKey(node, "orafin", 0.15);
                break;
            case Kind.SchoolGroup or Kind.GoSchool:
                AddKey(node, "orafin", 0.3);
                break;
            case Kind.Association:
                AddKey(node, "kiosk", CultureThemes.Any(t => node.Organisation.Name.Contains(t, StringComparison.Ordinal)) ? 0.5 : 0.02);
                AddKey(node, "wegwijs", 0.2);
                break;
            case Kind.Municipality or Kind.Ocmw or Kind.Intermunicipal or Kind.PoliceZone or Kind.WelfareAssociation:
                AddKey(node, "wegwijs", 0.5);
                AddKey(node, "orafin", 0.1);
                break;
            default:
                AddKey(node, "wegwijs", 0.1);
                break;
        }
    }

    /// <summary>A key for the organisation's life; one in ten was replaced by a new value at some point.</summary>
    private void AddKey(Node node, string keyTypeCode, double share)
    {
        if (!_random.Chance(share) || !_reference.KeyTypes.TryGetValue(keyTypeCode, out var keyType))
        {
            return;
        }

        var organisation = node.Organisation;
        var from = organisation.ValidFrom;
        var to = organisation.ValidTo;
        if (from is { } start && to is null && _random.Chance(0.1) && start.AddDays(365) < _asOf)
        {
            var replaced = _random.DateBetween(start.AddDays(365), _asOf.AddDays(-1));
            organisation.AddKey(keyType, NewKeyValue(keyTypeCode), new Validity(from, replaced));
            organisation.AddKey(keyType, NewKeyValue(keyTypeCode), new Validity(replaced.AddDays(1), null));
            return;
        }

        organisation.AddKey(keyType, NewKeyValue(keyTypeCode), new Validity(from, to));
    }

    /// <summary>A value not used before for this key type, at any time: so values never clash.</summary>
    private string NewKeyValue(string keyTypeCode)
    {
        var used = _usedKeys[keyTypeCode];
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var value = keyTypeCode switch
            {
                "orafin" => _random.Between(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                "vlimpers" => "VP" + _random.Between(0, 999_999).ToString("D6", CultureInfo.InvariantCulture),
                _ => _random.Between(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            };
            if (used.Add(value))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"No free value for key type '{keyTypeCode}' after 1000 attempts.");
    }

    /// <summary>A valid KBO number (check digits right) that no organisation has yet.</summary>
    private KboNumber NewKboNumber()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            // First eight digits 02000000..09999999: numbers 0200.000.0xx to 0999.999.9xx, like those of public bodies.
            var number = KboNumber.FromBase(_random.Between(2_000_000, 9_999_999));
            if (_usedKbo.Add(number.Digits))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No free KBO number after 1000 attempts.");
    }

    private sealed record Node(Organisation Organisation, int Depth, Kind Kind, string Place, string? ShortName, Node? Parent);
}
