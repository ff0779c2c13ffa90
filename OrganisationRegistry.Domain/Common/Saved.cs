namespace OrganisationRegistry.Domain.Common;

/// <summary>What a write service saved: the row's id and its new version (the next command's expected version).</summary>
public sealed record Saved(Guid Id, long Version);
