using FluentValidation;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>A page of the synchronisation view: coupled organisations whose legal data differs from the KBO copy, or whose enterprise stopped.</summary>
/// <param name="Latest">The latest import; <c>null</c> when none was ever read (then nothing is listed).</param>
public sealed record KboSyncPage(KboSnapshot? Latest, IReadOnlyList<KboSyncItem> Items, int TotalCount, int Page, int PageSize);

/// <summary>One coupled organisation with what the KBO copy says differently.</summary>
/// <param name="Version">The organisation's version as listed (applying one carries it: optimistic concurrency).</param>
/// <param name="Stopped">The enterprise stopped: absent from the copy after a full import, or not active.</param>
public sealed record KboSyncItem(
    OvoCode OvoCode,
    long Version,
    string Name,
    KboNumber KboNumber,
    DateOnly? ValidTo,
    IReadOnlyList<KboFieldChange> Changes,
    bool Stopped);

/// <summary>A field whose value in the register (<paramref name="Old"/>) differs from the KBO's (<paramref name="New"/>).</summary>
public sealed record KboFieldChange(string Field, string? Old, string? New);

/// <summary>Apply the KBO's data to <paramref name="OvoCode"/>, as the user saw it at <paramref name="ExpectedVersion"/> and against import <paramref name="ImportId"/>.</summary>
public sealed record ApplyKboSync(string OvoCode, long ExpectedVersion, Guid ImportId);

public sealed class ApplyKboSyncValidator : AbstractValidator<ApplyKboSync>
{
    public ApplyKboSyncValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.ImportId).Id("de KBO-import");
    }
}

/// <summary>Apply every difference listed against import <paramref name="ImportId"/> (all or nothing).</summary>
public sealed record ApplyAllKboSync(Guid ImportId);

public sealed class ApplyAllKboSyncValidator : AbstractValidator<ApplyAllKboSync>
{
    public ApplyAllKboSyncValidator() => RuleFor(c => c.ImportId).Id("de KBO-import");
}

/// <summary>What a synchronisation wrote: how many organisations took new data, and how many were ended as stopped.</summary>
public sealed record KboSyncResult(int Updated, int Stopped, string Reason);
