using System.Globalization;
using System.Threading.RateLimiting;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// Each API client gets its own token bucket (<c>Api:RateLimit:PermitsPerSecond</c>, <c>Api:RateLimit:Burst</c>):
/// one client cannot starve the others. Over the limit: 429 with <c>Retry-After</c>, nothing done.
/// </summary>
public static class ApiRateLimiting
{
    public const string PolicyName = "api-client";
    public const string SectionName = ApiOptions.SectionName + ":RateLimit";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                // Authentication ran before: the partition is the client (the token's subject), else the caller's address.
                var client = context.User.Identity?.IsAuthenticated == true
                    ? "client:" + RegistryUser.FromPrincipal(context.User).SubjectId
                    : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.Burst,
                    TokensPerPeriod = settings.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, ApiProblems.ForStatus(StatusCodes.Status429TooManyRequests));
            };
        });
        return services;
    }
}

public sealed class ApiRateLimitOptions
{
    /// <summary>Requests per second a client may keep up.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>How many requests a client may send at once after a quiet period.</summary>
    public int Burst { get; set; } = 400;
}
