using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>The general data of an organisation, as people and systems give it.</summary>
public sealed record OrganisationDetails(
    string Name,
    string? ShortName = null,
    Article? Article = null,
    string? Description = null,
    KboNumber? KboNumber = null,
    Validity Validity = default,
    Guid? PolicyDomainId = null);

/// <summary>
/// An organisation in the register, identified by its OVO code. The aggregate holds its structure over time
/// (parents), its keys in other systems and its application domain assignments, and guards their rules: no
/// overlapping periods of the same kind, no cycles in a hierarchy.
/// </summary>
public sealed class Organisation : IVersioned
{
    public const int NameMaxLength = 500;
    public const int ShortNameMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int SearchTextMaxLength = NameMaxLength + ShortNameMaxLength + 3;
    public const int LegalFormMaxLength = 200;
    public const int RegisteredSeatMaxLength = 400;

    private readonly List<OrganisationParent> _parents = [];
    private readonly List<OrganisationKey> _keys = [];
    private readonly List<DomainAssignment> _assignments = [];

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public OvoCode OvoCode { get; private set; }

    public string Name { get; private set; } = null!;

    public string? ShortName { get; private set; }

    public Article? Article { get; private set; }

    public string? Description { get; private set; }

    public KboNumber? KboNumber { get; private set; }

    /// <summary>The legal form as the KBO describes it (Dutch), while coupled to the KBO.</summary>
    public string? LegalForm { get; private set; }

    /// <summary>The registered seat as the KBO gives it, on one line, while coupled to the KBO.</summary>
    public string? RegisteredSeat { get; private set; }

    /// <summary>The name the organisation had before it was coupled to the KBO (restored on uncoupling).</summary>
    public string? NameBeforeKbo { get; private set; }

    /// <summary>The short name before coupling (restored on uncoupling).</summary>
    public string? ShortNameBeforeKbo { get; private set; }

    /// <summary>The date the KBO reported the coupled enterprise as stopped, once that was applied.</summary>
    public DateOnly? KboStoppedOn { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public Guid? PolicyDomainId { get; private set; }

    public PolicyDomain? PolicyDomain { get; private set; }

    /// <summary>Name and short name, normalised for search (<see cref="Organisations.SearchText"/>).</summary>
    public string SearchText { get; private set; } = string.Empty;

    public long Version { get; set; }

    public Validity Validity => new(ValidFrom, ValidTo);

    public IReadOnlyCollection<OrganisationParent> Parents => _parents;

    public IReadOnlyCollection<OrganisationKey> Keys => _keys;

    public IReadOnlyCollection<DomainAssignment> Assignments => _assignments;

    /// <summary>
    /// A new organisation. A KBO number in <paramref name="details"/> makes it coupled as it stands (the seeder and
    /// imports of existing data); people create a coupled organisation with <see cref="CreateFromKbo"/>.
    /// </summary>
    public static Organisation Create(OvoCode ovoCode, OrganisationDetails details)
    {
        var organisation = new Organisation { Id = Guid.CreateVersion7(), OvoCode = ovoCode, KboNumber = details.KboNumber };
        organisation.Apply(details);
        return organisation;
    }

    /// <summary>A new organisation coupled to the KBO: its names and legal data come from <paramref name="kbo"/>.</summary>
    public static Organisation CreateFromKbo(OvoCode ovoCode, KboRecord kbo, OrganisationDetails details)
    {
        var organisation = new Organisation { Id = Guid.CreateVersion7(), OvoCode = ovoCode, KboNumber = kbo.Number };
        organisation.Apply(details with { Name = kbo.Name ?? details.Name, ShortName = kbo.ShortName });
        organisation.TakeKboData(kbo);
        return organisation;
    }

    /// <summary>
    /// Replaces the general data. The KBO number changes only by coupling or uncoupling; while coupled, the name and
    /// the short name come from the KBO and are refused when they differ.
    /// </summary>
    public void Update(OrganisationDetails details)
    {
        if (details.KboNumber != KboNumber)
        {
            throw new DomainRuleException(
                RuleCodes.InvalidValue,
                "Het KBO-nummer wijzigt niet met de algemene gegevens: gebruik 'Koppelen aan KBO' of 'Ontkoppelen'.");
        }

        if (IsCoupledToKbo && (!string.Equals(details.Name?.Trim(), Name, StringComparison.Ordinal) || !string.Equals(Blank(details.ShortName), ShortName, StringComparison.Ordinal)))
        {
            throw new DomainRuleException(
                RuleCodes.InvalidValue,
                $"De naam en de korte naam van {OvoCode} komen uit de KBO ({KboNumber}) en kunnen niet met de hand gewijzigd worden. " +
                "Ontkoppel de organisatie van de KBO om ze zelf te beheren.");
        }

        Apply(details);
    }

    private void Apply(OrganisationDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, "De naam van een organisatie is verplicht.");
        }

        Name = details.Name.Trim();
        ShortName = Blank(details.ShortName);
        Article = details.Article;
        Description = Blank(details.Description);
        ValidFrom = details.Validity.From;
        ValidTo = details.Validity.To;
        PolicyDomainId = details.PolicyDomainId;
        SearchText = Organisations.SearchText.For(Name, ShortName);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // ---- KBO ------------------------------------------------------------------------------------------------

    /// <summary>Whether the organisation is coupled to the KBO: it is exactly when it has a KBO number.</summary>
    public bool IsCoupledToKbo => KboNumber is not null;

    /// <summary>
    /// Couples the organisation to the enterprise <paramref name="kbo"/>: its names, legal form and registered seat
    /// come from the KBO from now on; the names it had are kept to restore on uncoupling.
    /// </summary>
    public void CoupleToKbo(KboRecord kbo)
    {
        if (IsCoupledToKbo)
        {
            throw new DomainRuleException(
                RuleCodes.InvalidValue,
                $"{OvoCode} is al gekoppeld aan de KBO ({KboNumber}); ontkoppel eerst om een ander KBO-nummer te koppelen.");
        }

        NameBeforeKbo = Name;
        ShortNameBeforeKbo = ShortName;
        KboNumber = kbo.Number;
        TakeKboData(kbo);
    }

    /// <summary>
    /// Ends the coupling: the names from before the coupling come back (an organisation that was created coupled keeps
    /// its current names) and the legal data from the KBO is cleared.
    /// </summary>
    public void UncoupleFromKbo()
    {
        if (!IsCoupledToKbo)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"{OvoCode} is niet gekoppeld aan de KBO.");
        }

        if (NameBeforeKbo is not null)
        {
            Name = NameBeforeKbo;
            ShortName = ShortNameBeforeKbo;
        }

        KboNumber = null;
        LegalForm = null;
        RegisteredSeat = null;
        KboStoppedOn = null;
        NameBeforeKbo = null;
        ShortNameBeforeKbo = null;
        SearchText = Organisations.SearchText.For(Name, ShortName);
    }

    /// <summary>Takes the legal data the KBO gives now (the synchronisation); the enterprise must be the coupled one.</summary>
    public void ApplyKbo(KboRecord kbo)
    {
        if (kbo.Number != KboNumber)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"{OvoCode} is niet gekoppeld aan de onderneming {kbo.Number}.");
        }

        TakeKboData(kbo);
    }

    /// <summary>
    /// The KBO reports the coupled enterprise as stopped on <paramref name="stoppedOn"/> (the snapshot date of the
    /// extract that showed it): recorded, and the organisation's validity ends that day unless it ended earlier.
    /// </summary>
    public void ApplyKboStop(DateOnly stoppedOn)
    {
        if (!IsCoupledToKbo)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"{OvoCode} is niet gekoppeld aan de KBO.");
        }

        if (ValidFrom is { } from && from > stoppedOn)
        {
            throw new DomainRuleException(
                RuleCodes.InvalidPeriod,
                $"{OvoCode} begint pas op {Validity.Format(from)}, na de stopzetting van de onderneming op {Validity.Format(stoppedOn)}: pas de geldigheid met de hand aan.");
        }

        KboStoppedOn = stoppedOn;
        if (ValidTo is null || ValidTo > stoppedOn)
        {
            ValidTo = stoppedOn;
        }
    }

    private void TakeKboData(KboRecord kbo)
    {
        if (kbo.Name is not null)
        {
            Name = kbo.Name;
        }

        ShortName = kbo.ShortName;
        LegalForm = kbo.LegalForm;
        RegisteredSeat = kbo.RegisteredSeat;
        SearchText = Organisations.SearchText.For(Name, ShortName);
    }

    // ---- Structure ------------------------------------------------------------------------------------------

    /// <summary>
    /// Places this organisation under <paramref name="parent"/> for <paramref name="validity"/>.
    /// <paramref name="parentsOf"/> gives the existing structure links of any organisation (for the cycle check).
    /// </summary>
    public OrganisationParent AddParent(Organisation parent, Validity validity, Func<Guid, IEnumerable<DatedLink>> parentsOf)
    {
        EnsureParentAllowed(parent, validity, parentsOf, except: null);
        var link = new OrganisationParent(Id, parent.Id, validity);
        _parents.Add(link);
        return link;
    }

    public void ChangeParent(Guid parentLinkId, Organisation parent, Validity validity, Func<Guid, IEnumerable<DatedLink>> parentsOf)
    {
        var link = Find(_parents, parentLinkId, p => p.Id, "moederorganisatie");
        EnsureParentAllowed(parent, validity, parentsOf, except: link.Id);
        link.Change(parent.Id, validity);
    }

    public void RemoveParent(Guid parentLinkId) => _parents.Remove(Find(_parents, parentLinkId, p => p.Id, "moederorganisatie"));

    /// <summary>The parent on <paramref name="date"/>, if any.</summary>
    public OrganisationParent? ParentOn(DateOnly date) => _parents.FirstOrDefault(p => p.Validity.Contains(date));

    private void EnsureParentAllowed(Organisation parent, Validity validity, Func<Guid, IEnumerable<DatedLink>> parentsOf, Guid? except)
    {
        var overlapping = _parents.FirstOrDefault(p => p.Id != except && p.Validity.Overlaps(validity));
        if (overlapping is not null)
        {
            throw new DomainRuleException(
                RuleCodes.Overlap,
                $"{OvoCode} heeft al een moederorganisatie {overlapping.Validity}; de perioden van moederorganisaties mogen niet overlappen.");
        }

        IEnumerable<DatedLink> Existing(Guid id) => id == Id ? _parents.Where(p => p.Id != except).Select(p => p.ToLink()) : parentsOf(id);
        if (TemporalHierarchy.FindCycle(Id, parent.Id, validity, Existing) is { } window)
        {
            throw new DomainRuleException(
                RuleCodes.Cycle,
                parent.Id == Id
                    ? $"{OvoCode} kan niet haar eigen moederorganisatie zijn."
                    : $"{parent.OvoCode} valt {window} zelf onder {OvoCode}: dat zou een kring in de structuur maken.");
        }
    }

    // ---- Keys -----------------------------------------------------------------------------------------------

    public OrganisationKey AddKey(KeyType keyType, string value, Validity validity)
    {
        var key = new OrganisationKey(Id, keyType.Id, value, validity);
        EnsureKeyAllowed(keyType, key.Value, validity, except: null);
        _keys.Add(key);
        return key;
    }

    public void ChangeKey(Guid keyId, KeyType keyType, string value, Validity validity)
    {
        var key = Find(_keys, keyId, k => k.Id, "sleutel");
        if (key.KeyTypeId != keyType.Id)
        {
            // The type is given for the check and its message; checking against another type than the key's own
            // would let a duplicate through.
            throw new DomainRuleException(RuleCodes.InvalidValue, "Het sleuteltype van een sleutel kan niet wijzigen; verwijder de sleutel en maak een nieuwe.");
        }

        EnsureKeyAllowed(keyType, value.Trim(), validity, except: keyId);
        key.Change(value, validity);
    }

    public void RemoveKey(Guid keyId) => _keys.Remove(Find(_keys, keyId, k => k.Id, "sleutel"));

    private void EnsureKeyAllowed(KeyType keyType, string value, Validity validity, Guid? except)
    {
        var clash = _keys.FirstOrDefault(k => k.Id != except && k.KeyTypeId == keyType.Id && k.Value == value && k.Validity.Overlaps(validity));
        if (clash is not null)
        {
            throw new DomainRuleException(
                RuleCodes.Duplicate,
                $"{OvoCode} heeft al de sleutel {keyType.Name} '{value}' {clash.Validity}.");
        }
    }

    // ---- Application domains --------------------------------------------------------------------------------

    /// <summary>
    /// Assigns this organisation to <paramref name="domain"/> in <paramref name="category"/> for <paramref name="validity"/>.
    /// <paramref name="domainParentsOf"/> gives the existing parent links within that domain (for the cycle check).
    /// </summary>
    public DomainAssignment Assign(
        ApplicationDomain domain,
        DomainCategory category,
        Validity validity,
        Organisation? parent,
        string? remark,
        Func<Guid, IEnumerable<DatedLink>> domainParentsOf)
    {
        EnsureAssignmentAllowed(domain, category, validity, parent, domainParentsOf, except: null);
        var assignment = new DomainAssignment(Id, domain.Id, category.Id, validity, parent?.Id, remark);
        _assignments.Add(assignment);
        return assignment;
    }

    public void ChangeAssignment(
        Guid assignmentId,
        ApplicationDomain domain,
        DomainCategory category,
        Validity validity,
        Organisation? parent,
        string? remark,
        Func<Guid, IEnumerable<DatedLink>> domainParentsOf)
    {
        var assignment = Find(_assignments, assignmentId, a => a.Id, "toewijzing");
        if (assignment.ApplicationDomainId != domain.Id)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, "Het toepassingsgebied van een toewijzing kan niet wijzigen; beëindig ze en maak een nieuwe.");
        }

        var categoryUnchanged = category.Id == assignment.CategoryId;
        EnsureAssignmentAllowed(domain, category, validity, parent, domainParentsOf, except: assignmentId, allowInactiveCategory: categoryUnchanged);
        assignment.Change(category.Id, validity, parent?.Id, remark);
    }

    /// <summary>
    /// Ends an assignment on <paramref name="validTo"/> (inclusive). Ending only ever shortens the period, so it
    /// cannot create an overlap or a cycle; lengthening goes through <see cref="ChangeAssignment"/>, which checks both.
    /// </summary>
    public void EndAssignment(Guid assignmentId, DateOnly validTo)
    {
        var assignment = Find(_assignments, assignmentId, a => a.Id, "toewijzing");
        if (assignment.ValidTo is { } currentEnd && validTo > currentEnd)
        {
            throw new DomainRuleException(
                RuleCodes.InvalidPeriod,
                $"De toewijzing loopt al tot {Validity.Format(currentEnd)}; beëindigen kan ze niet verlengen. Wijzig de toewijzing om ze te verlengen.");
        }

        assignment.Change(assignment.CategoryId, new Validity(assignment.ValidFrom, validTo), assignment.ParentOrganisationId, assignment.Remark);
    }

    /// <summary>Removes an assignment that should never have existed (a correction; the reason goes to the audit trail).</summary>
    public void RemoveAssignment(Guid assignmentId) => _assignments.Remove(Find(_assignments, assignmentId, a => a.Id, "toewijzing"));

    private void EnsureAssignmentAllowed(
        ApplicationDomain domain,
        DomainCategory category,
        Validity validity,
        Organisation? parent,
        Func<Guid, IEnumerable<DatedLink>> domainParentsOf,
        Guid? except,
        bool allowInactiveCategory = false)
    {
        if (category.ApplicationDomainId != domain.Id)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"De categorie '{category.Name}' hoort niet bij het toepassingsgebied {domain.Name}.");
        }

        if (!category.IsActive && !allowInactiveCategory)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"De categorie '{category.Name}' is niet meer actief en kan niet gekozen worden.");
        }

        var overlapping = _assignments.FirstOrDefault(a => a.Id != except && a.ApplicationDomainId == domain.Id && a.Validity.Overlaps(validity));
        if (overlapping is not null)
        {
            throw new DomainRuleException(
                RuleCodes.Overlap,
                $"{OvoCode} is al toegewezen aan {domain.NameInSentence} {overlapping.Validity}.");
        }

        if (parent is null)
        {
            return;
        }

        IEnumerable<DatedLink> Existing(Guid id) =>
            id == Id
                ? _assignments
                    .Where(a => a.Id != except && a.ApplicationDomainId == domain.Id && a.ParentOrganisationId is not null)
                    .Select(a => new DatedLink(Id, a.ParentOrganisationId!.Value, a.Validity))
                : domainParentsOf(id);
        if (TemporalHierarchy.FindCycle(Id, parent.Id, validity, Existing) is { } window)
        {
            throw new DomainRuleException(
                RuleCodes.Cycle,
                parent.Id == Id
                    ? $"{OvoCode} kan niet haar eigen moederorganisatie zijn binnen {domain.NameInSentence}."
                    : $"{parent.OvoCode} valt {window} binnen {domain.NameInSentence} zelf onder {OvoCode}: dat zou een kring maken.");
        }
    }

    private T Find<T>(List<T> items, Guid id, Func<T, Guid> idOf, string what) =>
        items.FirstOrDefault(i => idOf(i) == id)
        ?? throw new DomainRuleException(RuleCodes.NotFound, $"De {what} met id {id} bestaat niet (meer) bij {OvoCode}.");
}
