using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

/// <summary>How value objects are stored: as their canonical text.</summary>
internal static class ValueConversions
{
    public static readonly ValueConverter<OvoCode, string> OvoCode =
        new(code => code.Value, text => Organisations.OvoCode.Parse(text));

    public static readonly ValueConverter<KboNumber, string> KboNumber =
        new(number => number.Digits, text => Organisations.KboNumber.FromStored(text));
}
