namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POST requests: a client that does not know whether its POST arrived (a timeout,
/// a dropped connection) sends it again with the same key and gets the first answer again, with
/// <c>Idempotent-Replayed: true</c>, instead of a second write. Applies to every POST endpoint of the group it is
/// added to (<see cref="WithIdempotency"/>); the work is done by <see cref="IdempotencyFilter"/>.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on an answer that is the stored first answer of an earlier request with the same key.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>
    /// Adds idempotency to the POST endpoints of <paramref name="group"/>. Add it before the filters whose answers it
    /// should keep (<see cref="ApiExceptionFilter"/>): endpoint filters run in the order they are added, the first
    /// outermost, so this one then sees the final answer, problems included.
    /// </summary>
    public static RouteGroupBuilder WithIdempotency(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (!AcceptsPost(endpoint.Metadata) || endpoint.RequestDelegate is not { } inner)
            {
                return;
            }

            // The request body is part of what makes a retry "the same request", but the endpoint's parameter binding
            // reads it before any filter runs: keep it readable (buffered) for keyed POSTs, before the endpoint's own delegate.
            endpoint.RequestDelegate = context =>
            {
                if (AppliesTo(context.Request))
                {
                    context.Request.EnableBuffering(bufferThreshold: (int)ApiRequestLimits.MaxBodyBytes);

                    // A keyed request promises its answer to a retry, so it runs to its end when the client hangs up (a
                    // timeout, a dropped connection): cancelled by the hang-up it could commit its write and then fail
                    // before its answer is kept, which gives the key back, and the retry would write a second time.
                    // Before the endpoint's delegate, which binds its CancellationToken parameters from this.
                    context.RequestAborted = CancellationToken.None;
                }

                return inner(context);
            };

            // In the order of the group's conventions, so before the filters added after this one.
            endpoint.FilterFactories.Add((context, next) =>
            {
                var filter = ActivatorUtilities.CreateInstance<IdempotencyFilter>(context.ApplicationServices);
                return invocation => filter.InvokeAsync(invocation, next);
            });
        });
        return group;
    }

    /// <summary>Whether the request is a POST that carries the header (valid or not: the filter judges the value).</summary>
    internal static bool AppliesTo(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Headers.ContainsKey(HeaderName);

    /// <summary>
    /// Reads the key: exactly one value of 1 to <see cref="Domain.ApiClients.IdempotencyRecord.KeyMaxLength"/> printable
    /// ASCII characters without a comma (a UUID is a good choice). A comma would make two header lines, which HTTP may
    /// join into one with a comma, indistinguishable from one key.
    /// </summary>
    internal static bool TryReadKey(HttpRequest request, out string key)
    {
        key = string.Empty;
        var values = request.Headers[HeaderName];
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= Domain.ApiClients.IdempotencyRecord.KeyMaxLength } value)
        {
            return false;
        }

        foreach (var character in value)
        {
            if (character is < ' ' or > '~' or ',')
            {
                return false;
            }
        }

        key = value;
        return true;
    }

    /// <summary>Endpoints mapped for POST (not the group's catch-all, which answers every method with a problem).</summary>
    private static bool AcceptsPost(IEnumerable<object> metadata) =>
        metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
        && methods.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase);
}
