using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// The work behind <see cref="Idempotency"/>, for one POST endpoint. A request with a key first claims it: it inserts an
/// <see cref="IdempotencyRecord"/> (client, key, hash of the request) whose primary key lets only one of two
/// concurrent requests in. The claimant runs the endpoint; its answer is kept when it succeeded (below 400) and the
/// claim is removed when it did not, because a refused or failed request wrote nothing and may simply be sent again
/// (corrected or not). Another request with the key then gets, in that order: 422 when it is a different request
/// (method, path, query or body), 409 while the first one is still being handled, and otherwise the kept answer.
/// Records older than <see cref="IdempotencyRecord.Retention"/> count as absent and are removed.
/// </summary>
/// <remarks>
/// The records live in their own short-lived <see cref="RegistryDbContext"/>s, outside the transaction of the write:
/// a crash between the write and keeping its answer leaves the claim unfinished, so retries get 409 until the record
/// expires rather than a second write.
/// </remarks>
internal sealed class IdempotencyFilter(
    IDbContextFactory<RegistryDbContext> contexts,
    TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    /// <summary>How often (at most) one endpoint removes the expired records of all clients.</summary>
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    private long _nextCleanupTicks;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;

        // A request whose parameters could not be bound already carries its 400: it does nothing, so keeps nothing.
        if (!Idempotency.AppliesTo(context.Request) || context.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            return await next(invocation);
        }

        if (!Idempotency.TryReadKey(context.Request, out var key))
        {
            return new ProblemResult(ApiProblems.Validation(
                Idempotency.HeaderName,
                $"De {Idempotency.HeaderName} moet één waarde zijn van 1 tot {IdempotencyRecord.KeyMaxLength} zichtbare ASCII-tekens, zonder komma (bijvoorbeeld een UUID)."));
        }

        var clientId = RegistryUser.FromPrincipal(context.User).SubjectId;
        var hash = await HashAsync(context.Request, context.RequestAborted);
        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var (claim, earlier) = await ClaimAsync(db, clientId, key, hash, context.RequestAborted);
        if (claim is null)
        {
            return earlier;
        }

        CapturedAnswer answer;
        try
        {
            answer = await CaptureAsync(context, await next(invocation));
        }
        catch
        {
            await ReleaseAsync(db, claim);
            throw;
        }

        if (answer.IsKept(out var body))
        {
            await KeepAsync(db, claim, answer.StatusCode, body, context.Response);
        }
        else
        {
            await ReleaseAsync(db, claim);
        }

        return answer;
    }

    /// <summary>SHA-256 (hex) of method, path with query, and body: what must be equal for a retry.</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));

        // Buffered by Idempotency.WithIdempotency; the endpoint may have read it already.
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Claims the key (the record is returned, tracked), or returns the answer for a key that is taken.</summary>
    private async Task<(IdempotencyRecord? Claim, IResult? Earlier)> ClaimAsync(
        RegistryDbContext db, string clientId, string key, string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expiredBefore = now - IdempotencyRecord.Retention;
        await RemoveExpiredAsync(db, now, expiredBefore, cancellationToken);

        // Twice at most: a competitor may take the key between our look and our insert, or give it up again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
            if (existing is not null && existing.CreatedAt >= expiredBefore)
            {
                return (null, AnswerTo(existing, hash));
            }

            if (existing is not null)
            {
                await db.IdempotencyRecords
                    .Where(r => r.ClientId == clientId && r.Key == key && r.CreatedAt < expiredBefore)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            var claim = new IdempotencyRecord(clientId, key, hash, now);
            db.IdempotencyRecords.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (claim, null);
            }
            catch (DbUpdateException)
            {
                // The primary key (client, key) refused a second claim: someone else has it. Look again.
                db.ChangeTracker.Clear();
            }
        }

        return (null, new ProblemResult(InProgress()));
    }

    private static IResult AnswerTo(IdempotencyRecord earlier, string hash)
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
        {
            return new ProblemResult(ApiProblems.Create(
                StatusCodes.Status422UnprocessableEntity,
                "idempotency-key-reused",
                "Idempotency-Key al gebruikt",
                $"Deze {Idempotency.HeaderName} werd al gebruikt voor een andere aanvraag (andere methode, adres of body). Gebruik een nieuwe sleutel voor een nieuwe aanvraag."));
        }

        return earlier.IsCompleted ? new ReplayedAnswer(earlier) : new ProblemResult(InProgress());
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails InProgress() => ApiProblems.Create(
        StatusCodes.Status409Conflict,
        "idempotency-in-progress",
        "Aanvraag nog in behandeling",
        $"Een aanvraag met deze {Idempotency.HeaderName} wordt nog verwerkt. Probeer straks opnieuw met dezelfde sleutel: dan volgt het antwoord van die aanvraag.");

    /// <summary>Runs the endpoint's answer into memory, so that it can be kept before it is sent.</summary>
    private async Task<CapturedAnswer> CaptureAsync(HttpContext context, object? value)
    {
        var result = value switch
        {
            IResult r => r,
            null => Results.Empty,
            string text => Results.Text(text),
            _ => Results.Json(value, json.Value.SerializerOptions),
        };

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(context);
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return new CapturedAnswer(context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
    }

    private async Task KeepAsync(RegistryDbContext db, IdempotencyRecord claim, int statusCode, string? body, HttpResponse response)
    {
        var location = NullIfEmpty(response.Headers.Location.ToString());
        var etag = NullIfEmpty(response.Headers.ETag.ToString());
        if (location?.Length > IdempotencyRecord.LocationMaxLength || etag?.Length > IdempotencyRecord.ETagMaxLength)
        {
            // Cannot be kept faithfully; the write is done, so better a 409 on a retry than a second write.
            logger.LogWarning("The answer to idempotency key {Key} of client {Client} has a Location or ETag too long to keep.", claim.Key, claim.ClientId);
            return;
        }

        claim.Complete(statusCode, body, location, etag);
        try
        {
            // Not the request's token: the write is done, its answer must be kept even if the client went away.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            // The write happened: the client gets its answer; retries get 409 until the claim expires.
            logger.LogError(exception, "Could not keep the answer to idempotency key {Key} of client {Client}.", claim.Key, claim.ClientId);
        }
    }

    private async Task ReleaseAsync(RegistryDbContext db, IdempotencyRecord claim)
    {
        try
        {
            db.IdempotencyRecords.Remove(claim);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(exception, "Could not release idempotency key {Key} of client {Client}.", claim.Key, claim.ClientId);
        }
    }

    /// <summary>Removes records past their retention, at most once per <see cref="CleanupInterval"/> per endpoint.</summary>
    private async Task RemoveExpiredAsync(RegistryDbContext db, DateTime now, DateTime expiredBefore, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextCleanupTicks, (now + CleanupInterval).Ticks, due) != due)
        {
            return;
        }

        await db.IdempotencyRecords.Where(r => r.CreatedAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>An answer held in memory (status and headers are already on the response); writes its body.</summary>
    private sealed class CapturedAnswer(int statusCode, string? contentType, byte[] body) : IResult, IStatusCodeHttpResult
    {
        public int StatusCode { get; } = statusCode;

        int? IStatusCodeHttpResult.StatusCode => StatusCode;

        /// <summary>Kept: a success whose body is empty or JSON (what a replay can send again as it was).</summary>
        public bool IsKept(out string? keptBody)
        {
            keptBody = body.Length == 0 ? null : Encoding.UTF8.GetString(body);
            return StatusCode is >= 200 and < 400
                && (body.Length == 0 || (contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)));
        }

        public Task ExecuteAsync(HttpContext httpContext) =>
            body.Length == 0 ? Task.CompletedTask : httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>The kept answer of an earlier request with the same key.</summary>
    private sealed class ReplayedAnswer(IdempotencyRecord earlier) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => earlier.StatusCode;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = earlier.StatusCode!.Value;
            response.Headers[Idempotency.ReplayedHeaderName] = "true";
            if (earlier.Location is not null)
            {
                response.Headers.Location = earlier.Location;
            }

            if (earlier.ETag is not null)
            {
                response.Headers.ETag = earlier.ETag;
            }

            if (earlier.ResponseBody is not null)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(earlier.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}
