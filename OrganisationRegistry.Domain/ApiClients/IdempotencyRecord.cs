namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>
/// The first answer to a POST of the API that carried an <c>Idempotency-Key</c>, per client and key: a retry with the
/// same key and the same request gets this answer again instead of a second write. Claimed (without an answer) before
/// the write, completed after it; a claim whose write failed unexpectedly is removed so that the client can retry.
/// Not audited: it is a technical record of the API, not data of the register.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int ClientIdMaxLength = ApiClient.ClientIdMaxLength;
    public const int KeyMaxLength = 200;
    public const int RequestHashLength = 64;
    public const int LocationMaxLength = 500;
    public const int ETagMaxLength = 100;

    /// <summary>How long an answer is kept for retries.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string clientId, string key, string requestHash, DateTime createdAt)
    {
        ClientId = clientId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    public string ClientId { get; private set; } = null!;

    public string Key { get; private set; } = null!;

    /// <summary>SHA-256 (hex) of method, path and body: the same key with another request is refused (422).</summary>
    public string RequestHash { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    /// <summary><c>null</c> while the first request is still being handled.</summary>
    public int? StatusCode { get; private set; }

    public string? ResponseBody { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    public bool IsCompleted => StatusCode is not null;

    public void Complete(int statusCode, string? responseBody, string? location, string? etag)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Location = location;
        ETag = etag;
    }
}
