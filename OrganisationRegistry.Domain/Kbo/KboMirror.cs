namespace OrganisationRegistry.Domain.Kbo;

// The register's copy of what it needs from the KBO Open Data extracts: enterprises, their names and abbreviations,
// their registered seat, and the descriptions of the codes (legal forms, statuses). These rows mirror an outside
// source, are replaced by every import and are not audited row by row: the import itself is (KboImport), and so is
// every change the KBO brings to an organisation (coupling, synchronisation).

/// <summary>An enterprise as the last KBO extract gives it (<c>enterprise.csv</c>).</summary>
public sealed class KboEnterprise
{
    public const int StatusMaxLength = 2;
    public const int CodeMaxLength = 3;

    /// <summary>The enterprise number, 10 digits without dots.</summary>
    public string Number { get; set; } = null!;

    /// <summary><c>AC</c> (active) in every open data extract.</summary>
    public string Status { get; set; } = null!;

    /// <summary>Code of category JuridicalSituation (<c>000</c> normal situation, ...).</summary>
    public string JuridicalSituation { get; set; } = null!;

    /// <summary><c>1</c> natural person, <c>2</c> legal person.</summary>
    public string TypeOfEnterprise { get; set; } = null!;

    /// <summary>Code of category JuridicalForm (<c>124</c> openbare instelling, ...); none for natural persons.</summary>
    public string? JuridicalForm { get; set; }

    public string? JuridicalFormCac { get; set; }

    public DateOnly? StartDate { get; set; }

    // The enterprise's legal data as the register uses it, resolved from the other mirror tables after every import
    // (KboMirrorWriter.ResolveLegalDataAsync), so that lists compare stored columns instead of resolving per row.

    /// <summary>The name (type 001) in the order NL, FR, DE, EN, unknown.</summary>
    public string? Name { get; set; }

    /// <summary>The abbreviation (type 002) in the same language order.</summary>
    public string? ShortName { get; set; }

    /// <summary>The legal form's description in Dutch, else French.</summary>
    public string? LegalForm { get; set; }

    /// <summary>The registered seat on one line: "Straat 12 bus 3, 1000 Brussel" (with the country when not Belgium).</summary>
    public string? RegisteredSeat { get; set; }
}

/// <summary>A name of an enterprise (<c>denomination.csv</c>): only types 001 (name) and 002 (abbreviation) are kept.</summary>
public sealed class KboDenomination
{
    public const int ValueMaxLength = 320;

    public const string NameType = "001";
    public const string AbbreviationType = "002";

    public string EntityNumber { get; set; } = null!;

    /// <summary>001 name, 002 abbreviation.</summary>
    public string Type { get; set; } = null!;

    /// <summary>0 unknown, 1 FR, 2 NL, 3 DE, 4 EN.</summary>
    public string Language { get; set; } = null!;

    public string Value { get; set; } = null!;
}

/// <summary>The registered seat of an enterprise (<c>address.csv</c>, type REGO); other addresses are not kept.</summary>
public sealed class KboAddress
{
    public const int TextMaxLength = 200;
    public const int ShortTextMaxLength = 40;
    public const string RegisteredSeatType = "REGO";

    public string EntityNumber { get; set; } = null!;

    public string? CountryNL { get; set; }

    public string? CountryFR { get; set; }

    public string? Zipcode { get; set; }

    public string? MunicipalityNL { get; set; }

    public string? MunicipalityFR { get; set; }

    public string? StreetNL { get; set; }

    public string? StreetFR { get; set; }

    public string? HouseNumber { get; set; }

    public string? Box { get; set; }

    public string? ExtraAddressInfo { get; set; }

    public DateOnly? DateStrikingOff { get; set; }
}

/// <summary>The description of a code in one language (<c>code.csv</c>): legal forms, statuses, juridical situations.</summary>
public sealed class KboCode
{
    public const int CategoryMaxLength = 40;
    public const int CodeMaxLength = 10;
    public const int LanguageMaxLength = 2;
    public const int DescriptionMaxLength = 400;

    public string Category { get; set; } = null!;

    public string Code { get; set; } = null!;

    /// <summary><c>NL</c>, <c>FR</c>, <c>DE</c> or <c>EN</c>.</summary>
    public string Language { get; set; } = null!;

    public string Description { get; set; } = null!;
}

/// <summary>One KBO extract read into the register: which, when, by whom, and what it did (audited as a whole).</summary>
public sealed class KboImport
{
    public const int ExtractTypeMaxLength = 10;
    public const int SourceMaxLength = 260;
    public const int ReportMaxLength = 8000;

    public const string Full = "full";
    public const string Update = "update";

    public Guid Id { get; set; }

    /// <summary><see cref="Full"/> or <see cref="Update"/> (meta.csv ExtractType).</summary>
    public string ExtractType { get; set; } = null!;

    public int? ExtractNumber { get; set; }

    public DateOnly? SnapshotDate { get; set; }

    public DateTimeOffset? ExtractTimestamp { get; set; }

    /// <summary>The file or folder name (no directories).</summary>
    public string Source { get; set; } = null!;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public int Enterprises { get; set; }

    public int Denominations { get; set; }

    public int Addresses { get; set; }

    public int Codes { get; set; }

    /// <summary>Rows of <c>*_delete.csv</c> applied (update extracts).</summary>
    public int Deleted { get; set; }

    /// <summary>Malformed rows reported and skipped.</summary>
    public int SkippedRows { get; set; }

    /// <summary>The first skipped rows with their reason (file, line, reason), one per line.</summary>
    public string? Report { get; set; }
}

/// <summary>The mirror tables: copies of an outside source, replaced by imports, left out of the audit trail.</summary>
public static class KboMirrorTables
{
    private static readonly HashSet<Type> Types = [typeof(KboEnterprise), typeof(KboDenomination), typeof(KboAddress), typeof(KboCode)];

    public static bool Contains(Type type) => Types.Contains(type);
}
