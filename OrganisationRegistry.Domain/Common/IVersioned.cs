namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// A row that people edit. <see cref="Version"/> is the optimistic concurrency token: the app bumps it on every
/// update (see <c>VersionInterceptor</c>), so it works the same on every database provider.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
