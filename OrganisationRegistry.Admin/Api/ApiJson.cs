using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrganisationRegistry.Admin.Api;

/// <summary>The JSON of the API: camelCase, enums as camelCase strings, dates as <c>yyyy-MM-dd</c> (System.Text.Json's DateOnly).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
