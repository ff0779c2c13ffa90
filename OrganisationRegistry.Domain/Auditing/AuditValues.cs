using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// How the trail writes a row's values: a JSON object of column (property) name to the value as the model stores it,
/// after the model's own conversions (an OVO code as <c>OVO000123</c>, a KBO number as its 10 digits, an enum as its
/// name), the same on every provider: dates <c>yyyy-MM-dd</c>, ids as lower-case GUIDs, numbers and booleans as JSON.
/// Not thread-safe: one writer per save or bulk batch, reused for every row.
/// </summary>
internal sealed class AuditValues
{
    // Dutch names stay readable and searchable ("Financiën", not "Financi\u00EBn"); quotes and control characters
    // are still escaped. The JSON is shown HTML-encoded by the UI, never inserted into a page raw.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    public AuditValues() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>The value as the model stores it: through the property's own value converter, if it has one.</summary>
    public static object? Stored(IProperty property, object? value) =>
        value is not null && property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>The primary key of a row: its stored value, or the stored values of a composite key joined by <c>|</c>.</summary>
    public static string Key(IEntityType entityType, Func<IProperty, object?> valueOf)
    {
        var properties = entityType.FindPrimaryKey()?.Properties
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no primary key; the audit trail cannot name its rows.");
        return properties.Count == 1
            ? Text(Stored(properties[0], valueOf(properties[0]))) ?? string.Empty
            : string.Join("|", properties.Select(p => Text(Stored(p, valueOf(p)))));
    }

    /// <summary>A stored value as text, the way keys and the review show it.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        Guid id => id.ToString("D"),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A JSON object of <paramref name="properties"/> and their values.</summary>
    public string Write(IEnumerable<IProperty> properties, Func<IProperty, object?> valueOf)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        foreach (var property in properties)
        {
            _writer.WritePropertyName(property.Name);
            WriteValue(Stored(property, valueOf(property)));
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                _writer.WriteNullValue();
                break;
            case string text:
                _writer.WriteStringValue(text);
                break;
            case bool flag:
                _writer.WriteBooleanValue(flag);
                break;
            case byte or short or int or long:
                _writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal number:
                _writer.WriteNumberValue(number);
                break;
            case double number:
                _writer.WriteNumberValue(number);
                break;
            case float number:
                _writer.WriteNumberValue(number);
                break;
            case byte[] bytes:
                _writer.WriteBase64StringValue(bytes);
                break;
            case Enum member:
                _writer.WriteStringValue(member.ToString());
                break;
            default:
                _writer.WriteStringValue(Text(value));
                break;
        }
    }
}
