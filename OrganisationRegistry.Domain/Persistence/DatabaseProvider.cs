namespace OrganisationRegistry.Domain.Persistence;

/// <summary>The database behind the register, chosen by configuration <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: the app runs with zero set-up.</summary>
    Sqlite,

    /// <summary>The server that tests and load tests use.</summary>
    PostgreSql,

    /// <summary>The production target.</summary>
    SqlServer,
}
