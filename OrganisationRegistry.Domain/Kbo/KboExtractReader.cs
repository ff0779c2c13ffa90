using System.Globalization;
using CsvHelper;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// One CSV file of an extract, read row by row with CsvHelper's reader (comma-separated, fields quoted, a header line):
/// the header is checked against the expected columns; each row comes with its line number and, when the row breaks
/// the quoting rules or has another number of fields than the header, with that problem.
/// </summary>
internal sealed class KboCsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private long _malformedRecord = -1;
    private CsvMalformedReason _malformedReason;

    public KboCsvFile(KboExtractSource source, string file, IReadOnlyList<string> expectedHeader)
    {
        Name = file;
        _reader = CsvReader.Create(source.OpenRead(file), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,

            // Every line break ends a record: one stray quote cannot swallow the rest of the file.
            AllowLineBreaksInQuotes = false,
            OnMalformedRecord = record =>
            {
                _malformedRecord = record.RecordNumber;
                _malformedReason = record.Reason;
            },
        });

        string[] header;
        try
        {
            header = [.. _reader.Headers];
        }
        catch (Exception exception) when (exception is CsvFormatException or InvalidDataException)
        {
            header = [];
        }

        if (header.Length != expectedHeader.Count || !header.Select(h => h.Trim()).SequenceEqual(expectedHeader, StringComparer.OrdinalIgnoreCase))
        {
            Dispose();
            throw new KboExtractException(
                $"{file} heeft niet de verwachte kolommen: verwacht {string.Join(",", expectedHeader)}, gevonden {(header.Length == 0 ? "(geen kopregel)" : string.Join(",", header))}. Er is niets gewijzigd.");
        }

        Columns = expectedHeader.Count;
        Fields = new string[Columns];
    }

    public string Name { get; }

    public int Columns { get; }

    /// <summary>The fields of the current row (the buffer is reused for the next row).</summary>
    public string[] Fields { get; }

    /// <summary>Rows read so far (the header not counted).</summary>
    public long Rows { get; private set; }

    /// <summary>The line the current row starts on (the header is line 1).</summary>
    public long Line => _reader.LineNumber;

    /// <summary>Bytes of the file read so far (uncompressed), for progress.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>Why the current row cannot be read as a row of this file (wrong column count, broken quoting), or null.</summary>
    public string? Malformed { get; private set; }

    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        Rows++;
        var count = _reader.FieldCount;
        if (_malformedRecord == _reader.RowNumber + 1 && _malformedReason != CsvMalformedReason.FieldCountMismatch)
        {
            Malformed = _malformedReason switch
            {
                CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "een veld tussen aanhalingstekens wordt niet afgesloten",
                _ => "ongeldige aanhalingstekens in een veld",
            };
        }
        else if (count != Columns)
        {
            Malformed = string.Create(CultureInfo.InvariantCulture, $"{count} kolommen, verwacht {Columns}");
        }
        else
        {
            Malformed = null;
            for (var i = 0; i < Columns; i++)
            {
                Fields[i] = _reader.GetString(i);
            }
        }

        return true;
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>Parsing of the values in the extract's files.</summary>
internal static class KboValues
{
    private static readonly TimeZoneInfo? Brussels = FindBrussels();

    /// <summary>A date <c>dd-MM-yyyy</c>; empty is none (<c>true</c> with <c>null</c>).</summary>
    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The KBO's times are Belgian local time.</summary>
    public static DateTimeOffset BrusselsTime(DateTime local) =>
        Brussels is null ? new DateTimeOffset(local, TimeSpan.Zero) : new DateTimeOffset(local, Brussels.GetUtcOffset(local));

    /// <summary>A moment as the KBO writes it: Belgian local time.</summary>
    public static DateTime InBrussels(DateTimeOffset moment) =>
        Brussels is null ? moment.UtcDateTime : TimeZoneInfo.ConvertTime(moment, Brussels).DateTime;

    /// <summary>An enterprise number as the extract writes it (<c>0200.065.765</c>), with its check digits.</summary>
    public static bool TryParseEnterprise(string text, out KboNumber number, out string? reason)
    {
        if (KboNumber.TryParse(text, out number, out var error))
        {
            reason = null;
            return true;
        }

        reason = "ondernemingsnummer: " + error;
        return false;
    }

    /// <summary>
    /// Entity numbers of establishments (vestigingseenheden) start with 2 (<c>2.123.456.789</c>); the register keeps
    /// nothing of them, so their rows are left out without being reported.
    /// </summary>
    public static bool IsEstablishment(string text) => text.AsSpan().TrimStart().StartsWith("2");

    public static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TimeZoneInfo? FindBrussels()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}

/// <summary>
/// The files of an extract the register reads, their columns, and how a row becomes a mirror row: a row, a reason why
/// it is malformed (reported and skipped), or neither (a row the register does not need: skipped silently).
/// </summary>
internal static class KboFiles
{
    public const string Enterprise = "enterprise.csv";
    public const string Denomination = "denomination.csv";
    public const string Address = "address.csv";
    public const string Code = "code.csv";

    public static readonly string[] EnterpriseColumns = ["EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "JuridicalFormCAC", "StartDate"];
    public static readonly string[] DenominationColumns = ["EntityNumber", "Language", "TypeOfDenomination", "Denomination"];

    public static readonly string[] AddressColumns =
    [
        "EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR",
        "HouseNumber", "Box", "ExtraAddressInfo", "DateStrikingOff",
    ];

    public static readonly string[] CodeColumns = ["Category", "Code", "Language", "Description"];

    /// <summary>The code categories the register keeps (legal forms and what describes an enterprise's state).</summary>
    public static readonly HashSet<string> KeptCodeCategories = new(StringComparer.Ordinal) { "JuridicalForm", "JuridicalSituation", "Status", "TypeOfEnterprise" };

    /// <summary>001 name, 002 abbreviation (kept); 003 commercial name, 004 name of a branch (known, not kept).</summary>
    private static readonly HashSet<string> KnownDenominationTypes = new(StringComparer.Ordinal) { "001", "002", "003", "004" };

    /// <summary>0 unknown, 1 FR, 2 NL, 3 DE, 4 EN.</summary>
    private static readonly HashSet<string> KnownLanguages = new(StringComparer.Ordinal) { "0", "1", "2", "3", "4" };

    public static string DeleteFile(string file) => file.Replace(".csv", "_delete.csv", StringComparison.Ordinal);

    public static string InsertFile(string file) => file.Replace(".csv", "_insert.csv", StringComparison.Ordinal);

    public static KboEnterprise? ReadEnterprise(string[] f, out long key, out string? reason)
    {
        key = 0;
        if (!KboValues.TryParseEnterprise(f[0], out var number, out reason))
        {
            return null;
        }

        key = long.Parse(number.Digits, CultureInfo.InvariantCulture);
        reason = Required(f[1], "Status", KboEnterprise.StatusMaxLength)
            ?? Required(f[2], "JuridicalSituation", KboEnterprise.CodeMaxLength)
            ?? Required(f[3], "TypeOfEnterprise", 1)
            ?? TooLong(f[4], "JuridicalForm", KboEnterprise.CodeMaxLength)
            ?? TooLong(f[5], "JuridicalFormCAC", KboEnterprise.CodeMaxLength);
        if (reason is not null)
        {
            return null;
        }

        if (!KboValues.TryParseDate(f[6], out var start))
        {
            reason = $"StartDate '{f[6]}' is geen datum dd-mm-jjjj";
            return null;
        }

        return new KboEnterprise
        {
            Number = number.Digits,
            Status = f[1].Trim(),
            JuridicalSituation = f[2].Trim(),
            TypeOfEnterprise = f[3].Trim(),
            JuridicalForm = KboValues.Optional(f[4]),
            JuridicalFormCac = KboValues.Optional(f[5]),
            StartDate = start,
        };
    }

    public static KboDenomination? ReadDenomination(string[] f, out long key, out string? reason)
    {
        key = 0;
        reason = null;
        if (KboValues.IsEstablishment(f[0]) || !KboValues.TryParseEnterprise(f[0], out var number, out reason))
        {
            return null;
        }

        var language = f[1].Trim();
        var type = f[2].Trim();
        if (!KnownDenominationTypes.Contains(type))
        {
            reason = $"onbekend type benaming '{f[2]}' (verwacht 001, 002, 003 of 004)";
            return null;
        }

        if (!KnownLanguages.Contains(language))
        {
            reason = $"onbekende taal '{f[1]}' (verwacht 0, 1, 2, 3 of 4)";
            return null;
        }

        if (type is not (KboDenomination.NameType or KboDenomination.AbbreviationType))
        {
            return null;
        }

        reason = Required(f[3], "Denomination", KboDenomination.ValueMaxLength);
        if (reason is not null)
        {
            return null;
        }

        key = (long.Parse(number.Digits, CultureInfo.InvariantCulture) * 1000) + (int.Parse(type, CultureInfo.InvariantCulture) * 10) + (language[0] - '0');
        return new KboDenomination { EntityNumber = number.Digits, Type = type, Language = language, Value = f[3].Trim() };
    }

    public static KboAddress? ReadAddress(string[] f, out long key, out string? reason)
    {
        key = 0;
        reason = null;
        if (KboValues.IsEstablishment(f[0]) || f[1].Trim() != KboAddress.RegisteredSeatType)
        {
            return null;
        }

        if (!KboValues.TryParseEnterprise(f[0], out var number, out reason))
        {
            return null;
        }

        reason = TooLong(f[2], "CountryNL", KboAddress.ShortTextMaxLength * 2)
            ?? TooLong(f[3], "CountryFR", KboAddress.ShortTextMaxLength * 2)
            ?? TooLong(f[4], "Zipcode", KboAddress.ShortTextMaxLength)
            ?? TooLong(f[5], "MunicipalityNL", KboAddress.TextMaxLength)
            ?? TooLong(f[6], "MunicipalityFR", KboAddress.TextMaxLength)
            ?? TooLong(f[7], "StreetNL", KboAddress.TextMaxLength)
            ?? TooLong(f[8], "StreetFR", KboAddress.TextMaxLength)
            ?? TooLong(f[9], "HouseNumber", KboAddress.ShortTextMaxLength)
            ?? TooLong(f[10], "Box", KboAddress.ShortTextMaxLength)
            ?? TooLong(f[11], "ExtraAddressInfo", KboAddress.TextMaxLength);
        if (reason is not null)
        {
            return null;
        }

        if (!KboValues.TryParseDate(f[12], out var struckOff))
        {
            reason = $"DateStrikingOff '{f[12]}' is geen datum dd-mm-jjjj";
            return null;
        }

        key = long.Parse(number.Digits, CultureInfo.InvariantCulture);
        return new KboAddress
        {
            EntityNumber = number.Digits,
            CountryNL = KboValues.Optional(f[2]),
            CountryFR = KboValues.Optional(f[3]),
            Zipcode = KboValues.Optional(f[4]),
            MunicipalityNL = KboValues.Optional(f[5]),
            MunicipalityFR = KboValues.Optional(f[6]),
            StreetNL = KboValues.Optional(f[7]),
            StreetFR = KboValues.Optional(f[8]),
            HouseNumber = KboValues.Optional(f[9]),
            Box = KboValues.Optional(f[10]),
            ExtraAddressInfo = KboValues.Optional(f[11]),
            DateStrikingOff = struckOff,
        };
    }

    public static KboCode? ReadCode(string[] f, out string? key, out string? reason)
    {
        key = null;
        reason = null;
        var category = f[0].Trim();
        if (!KeptCodeCategories.Contains(category))
        {
            return null;
        }

        reason = Required(f[1], "Code", KboCode.CodeMaxLength)
            ?? Required(f[2], "Language", KboCode.LanguageMaxLength)
            ?? Required(f[3], "Description", KboCode.DescriptionMaxLength);
        if (reason is not null)
        {
            return null;
        }

        var code = new KboCode { Category = category, Code = f[1].Trim(), Language = f[2].Trim().ToUpperInvariant(), Description = f[3].Trim() };
        key = $"{code.Category}|{code.Code}|{code.Language}";
        return code;
    }

    /// <summary>The key of a <c>*_delete.csv</c> row: the enterprise's 10 digits; null for establishments (silently) or a bad number (with a reason).</summary>
    public static string? ReadDeleteKey(string[] f, out string? reason)
    {
        reason = null;
        if (KboValues.IsEstablishment(f[0]) || !KboValues.TryParseEnterprise(f[0], out var number, out reason))
        {
            return null;
        }

        return number.Digits;
    }

    private static string? Required(string value, string column, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? $"{column} is leeg" : TooLong(value, column, maxLength);

    private static string? TooLong(string value, string column, int maxLength)
    {
        var length = value.AsSpan().Trim().Length;
        return length > maxLength
            ? string.Create(CultureInfo.InvariantCulture, $"{column} is {length} tekens lang, hoogstens {maxLength} toegelaten")
            : null;
    }
}
