using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>
/// The API's clients as data (<see cref="ApiClientService"/>, <see cref="ApiClientQueries"/>): registered, changed,
/// deactivated and reactivated by central staff only, every write in the audit trail, and what the API's token check
/// (<see cref="ApiClientDirectory"/>) makes of it.
/// </summary>
public abstract class ApiClientServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    private const string OrafinId = "3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90";

    private ApiClientService Clients => Database.Services.GetRequiredService<ApiClientService>();

    private ApiClientQueries Queries => new(Database.Contexts);

    private ApiClientDirectory Directory => Database.Services.GetRequiredService<ApiClientDirectory>();

    public static TheoryData<string, string> DeniedWrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in new[] { "aop-expert", "dfb-expert", "org-manager", "reader", "machine-client" })
        {
            foreach (var write in new[] { "register", "change", "deactivate" })
            {
                data.Add(persona, write);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string, string, string[]> InvalidRegistrations => new()
    {
        { "empty client id", "", "Orafin", "OVO000003", [ApiScopes.Read] },
        { "client id of 101 characters", new string('a', 101), "Orafin", "OVO000003", [ApiScopes.Read] },
        { "client id with a space", "or afin", "Orafin", "OVO000003", [ApiScopes.Read] },
        { "client id with an accent", "orafín", "Orafin", "OVO000003", [ApiScopes.Read] },
        { "client id with a slash", "orafin/prod", "Orafin", "OVO000003", [ApiScopes.Read] },
        { "blank name", "orafin", "   ", "OVO000003", [ApiScopes.Read] },
        { "name of 201 characters", "orafin", new string('n', 201), "OVO000003", [ApiScopes.Read] },
        { "no organisation", "orafin", "Orafin", "", [ApiScopes.Read] },
        { "invalid OVO code", "orafin", "Orafin", "OVO12", [ApiScopes.Read] },
        { "no scope", "orafin", "Orafin", "OVO000003", [] },
        { "unknown scope", "orafin", "Orafin", "OVO000003", [ApiScopes.Read, "registry.admin"] },
    };

    private static readonly Dictionary<string, string> ExpectedMessages = new()
    {
        ["empty client id"] = "De client-id is verplicht.",
        ["client id of 101 characters"] = "De client-id mag hoogstens 100 tekens lang zijn.",
        ["client id with a space"] = ClientIdAlphabet,
        ["client id with an accent"] = ClientIdAlphabet,
        ["client id with a slash"] = ClientIdAlphabet,
        ["blank name"] = "De naam is verplicht.",
        ["name of 201 characters"] = "De naam mag hoogstens 200 tekens lang zijn.",
        ["no organisation"] = "De organisatie waarvoor de client handelt is verplicht.",
        ["invalid OVO code"] = "'OVO12' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).",
        ["no scope"] = "Kies minstens één scope.",
        ["unknown scope"] = "'registry.admin' is geen scope van de API. Kies uit: registry.read, organisations.write, assignments.write.",
    };

    private const string ClientIdAlphabet =
        "De client-id bestaat uit letters, cijfers en de tekens - _ . : (zonder spaties), bv. 3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90 of kiosk.";

    [Fact]
    public async Task Register_AsCentralAdmin_StoresTheClient_AuditsIt_AndItsTokensWork()
    {
        var before = await LastPositionAsync();

        var saved = await Clients.RegisterAsync(
            World.CentralAdmin, new RegisterApiClient(OrafinId, " Orafin (DFB) ", World.Dfb.OvoCode.Value, [ApiScopes.WriteAssignments, ApiScopes.Read]), Ct);

        var item = Assert.Single(await Queries.ListAsync(Ct));
        Assert.Equal(
            (saved.Id, 1L, OrafinId, "Orafin (DFB)", World.Dfb.OvoCode, World.Dfb.Name, true),
            (item.Id, item.Version, item.ClientId, item.Name, item.OrganisationOvoCode, item.OrganisationName, item.IsActive));
        Assert.Equal([ApiScopes.Read, ApiScopes.WriteAssignments], item.Scopes);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal(
            (AuditOperation.Insert, nameof(ApiClient), saved.Id.ToString("D"), World.Dfb.OvoCode.Value),
            (entry.Operation, entry.EntityType, entry.EntityKey, entry.OrganisationOvoCode));
        AssertByCentralAdmin(entry);
        var values = Parse(entry.NewValues);
        Assert.Equal((OrafinId, "registry.read assignments.write", "True"), (values["ClientId"], values["Scopes"], values["IsActive"]));

        var user = await Directory.FindUserAsync(OrafinId, ApiScopes.All, Ct);
        Assert.NotNull(user);
        Assert.Equal((RegistryUserKind.MachineClient, World.Dfb.OvoCode), (user.Kind, user.OrganisationOvoCode));
        Assert.Equal([RegistryRoles.DomainExpert, RegistryRoles.Reader], user.Roles.Order(StringComparer.Ordinal));
        Assert.True(await World.Authorization.MayManageAssignmentsAsync(user, World.Vco.Id, Ct));
        Assert.False(await World.Authorization.MayManageAssignmentsAsync(user, World.Bestuursdecreet.Id, Ct));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("urn:partner.example:Orafin_prod-v2")]
    public async Task Register_AcceptsEveryCharacterOfTheAlphabet_AndTheLengthLimits(string clientId)
    {
        var longest = new string('x', ApiClient.ClientIdMaxLength);

        await Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient(clientId, "Partner", World.Aop.OvoCode.Value, [ApiScopes.Read]), Ct);
        await Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient(longest, new string('n', ApiClient.NameMaxLength), World.Aop.OvoCode.Value, [ApiScopes.Read]), Ct);

        Assert.Equal([clientId, longest], (await Queries.ListAsync(Ct)).Select(c => c.ClientId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("kiosk")]
    [InlineData("KIOSK")]
    [InlineData(" kiosk ")]
    public async Task Register_WithAClientIdInUse_IsADuplicate_WhateverItsCase_AndChangesNothing(string clientId)
    {
        await StoreKioskAsync();
        var snapshot = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient(clientId.Trim(), "Nog een kiosk", World.Aop.OvoCode.Value, [ApiScopes.Read]), Ct));

        Assert.Equal((RuleCodes.Duplicate, "Er is al een API-client met client-id 'kiosk'."), (refused.Code, refused.Message));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Register_OneClientIdSeveralTimesAtOnce_InAnyCase_StoresItOnce_AndTheOthersAreDuplicates()
    {
        string[] spellings = ["partner", "Partner", "PARTNER", "partner", "pArtner", "partneR"];

        var outcomes = await Task.WhenAll(spellings.Select(clientId => Task.Run(
            async () =>
            {
                try
                {
                    await Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient(clientId, "Partner", World.Aop.OvoCode.Value, [ApiScopes.Read]), Ct);
                    return null;
                }
                catch (DomainRuleException rule)
                {
                    return rule.Code;
                }
            },
            Ct)));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<string>(), code => Assert.Equal(RuleCodes.Duplicate, code));
        Assert.Single(await Queries.ListAsync(Ct));
    }

    [Fact]
    public async Task Register_ForAnOrganisationThatDoesNotExist_IsRefused_AndChangesNothing()
    {
        var snapshot = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient("orafin", "Orafin", "OVO999999", [ApiScopes.Read]), Ct));

        Assert.Equal((RuleCodes.NotFound, "OVO999999 bestaat niet in het register."), (refused.Code, refused.Message));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Register_InvalidInput_IsRefusedByTheValidator_InDutch_AndChangesNothing(
        string invalid, string clientId, string name, string ovoCode, string[] scopes)
    {
        var snapshot = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Clients.RegisterAsync(World.CentralAdmin, new RegisterApiClient(clientId, name, ovoCode, scopes), Ct));

        Assert.Equal(ExpectedMessages[invalid], Assert.Single(refused.Errors).ErrorMessage);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_UpdatesNameOrganisationScopesAndState_AndAuditsOnlyWhatChanged()
    {
        var kiosk = await StoreKioskAsync();
        var before = await LastPositionAsync();

        var saved = await Clients.ChangeAsync(
            World.CentralAdmin, new ChangeApiClient("kiosk", 1, "KIOSK 2", World.Aop.OvoCode.Value, [ApiScopes.Read], IsActive: false), Ct);

        Assert.Equal(new Saved(kiosk.Id, 2), saved);
        var item = Assert.Single(await Queries.ListAsync(Ct));
        Assert.Equal(
            ("KIOSK 2", World.Aop.OvoCode, World.Aop.Name, false, 2L),
            (item.Name, item.OrganisationOvoCode, item.OrganisationName, item.IsActive, item.Version));
        Assert.Equal([ApiScopes.Read], item.Scopes);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal((AuditOperation.Update, nameof(ApiClient), kiosk.Id.ToString("D")), (entry.Operation, entry.EntityType, entry.EntityKey));
        AssertByCentralAdmin(entry);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["IsActive"] = "True", ["Name"] = "KIOSK", ["OrganisationId"] = World.Department.Id.ToString("D"),
                ["Scopes"] = "registry.read organisations.write", ["Version"] = "1",
            },
            Parse(entry.OldValues));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["IsActive"] = "False", ["Name"] = "KIOSK 2", ["OrganisationId"] = World.Aop.Id.ToString("D"),
                ["Scopes"] = "registry.read", ["Version"] = "2",
            },
            Parse(entry.NewValues));
    }

    [Fact]
    public async Task Change_WithAStaleVersion_IsAConflict_WithTheCurrentValues_AndChangesNothing()
    {
        await StoreKioskAsync();
        await Clients.ChangeAsync(World.CentralAdmin, new ChangeApiClient("kiosk", 1, "KIOSK (eerste)", World.Department.OvoCode.Value, [ApiScopes.Read], true), Ct);
        var snapshot = await SnapshotAsync();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Clients.ChangeAsync(World.CentralAdmin, new ChangeApiClient("kiosk", 1, "KIOSK (tweede)", World.Department.OvoCode.Value, [ApiScopes.Read], true), Ct));

        Assert.StartsWith("Deze API-client werd intussen door iemand anders gewijzigd (u bewerkte versie 1, nu is het versie 2).", conflict.Message);
        Assert.Equal(("KIOSK (eerste)", 2L), (conflict.CurrentValues["Name"], conflict.CurrentVersion));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_OfAClientThatIsNotRegistered_IsNotFound()
    {
        await StoreKioskAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Clients.ChangeAsync(World.CentralAdmin, new ChangeApiClient("KIOSK", 1, "KIOSK", World.Department.OvoCode.Value, [ApiScopes.Read], true), Ct));

        Assert.Equal((RuleCodes.NotFound, "De API-client 'KIOSK' bestaat niet."), (refused.Code, refused.Message));
    }

    [Fact]
    public async Task Deactivate_RefusesTheClientsTokens_AndReactivate_RestoresThem_BothAudited()
    {
        await StoreKioskAsync();
        var before = await LastPositionAsync();

        var deactivated = await Clients.SetActiveAsync(World.CentralAdmin, new SetApiClientActive("kiosk", 1, IsActive: false), Ct);
        var whileInactive = await Directory.FindUserAsync("kiosk", ApiScopes.All, Ct);
        var reactivated = await Clients.SetActiveAsync(World.CentralAdmin, new SetApiClientActive("kiosk", deactivated.Version, IsActive: true), Ct);
        var afterwards = await Directory.FindUserAsync("kiosk", ApiScopes.All, Ct);

        Assert.Equal((2L, 3L), (deactivated.Version, reactivated.Version));
        Assert.Null(whileInactive);
        Assert.NotNull(afterwards);
        Assert.Equal([RegistryRoles.OrganisationManager, RegistryRoles.Reader], afterwards.Roles.Order(StringComparer.Ordinal));
        var entries = await TrailAfterAsync(before);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, AssertByCentralAdmin);
        Assert.Equal(["False", "True"], entries.Select(e => Parse(e.NewValues)["IsActive"]));
        Assert.All(entries, e => Assert.Equal(["IsActive", "Version"], Parse(e.NewValues).Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Deactivate_WithAStaleVersion_IsAConflict_AndTheClientStaysActive()
    {
        await StoreKioskAsync();
        await Clients.ChangeAsync(World.CentralAdmin, new ChangeApiClient("kiosk", 1, "KIOSK", World.Department.OvoCode.Value, [ApiScopes.Read], true), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Clients.SetActiveAsync(World.CentralAdmin, new SetApiClientActive("kiosk", 1, IsActive: false), Ct));

        Assert.True(Assert.Single(await Queries.ListAsync(Ct)).IsActive);
    }

    [Theory]
    [MemberData(nameof(DeniedWrites))]
    public async Task EveryWrite_ByAnyoneButCentralStaff_IsForbidden_AndChangesNothing(string persona, string write)
    {
        var kiosk = await StoreKioskAsync();
        var user = persona == "machine-client"
            ? kiosk.ToUser(ApiScopes.All, World.Department.OvoCode) // every scope there is: still no central right
            : World.Personas[persona];
        var snapshot = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => write switch
        {
            "register" => Clients.RegisterAsync(user, new RegisterApiClient("orafin", "Orafin", World.Dfb.OvoCode.Value, [ApiScopes.Read]), Ct),
            "change" => Clients.ChangeAsync(user, new ChangeApiClient("kiosk", 1, "KIOSK", World.Department.OvoCode.Value, ApiScopes.All, true), Ct),
            _ => Clients.SetActiveAsync(user, new SetApiClientActive("kiosk", 1, IsActive: false), Ct),
        });

        Assert.Equal((RegistryRight.AdministerRegister, "Alleen een centrale beheerder mag API-clients beheren."), (refused.Right, refused.Message));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    /// <summary>KIOSK for the Departement Omgeving with read and organisations.write (version 1), stored straight through EF Core.</summary>
    private async Task<ApiClient> StoreKioskAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var kiosk = new ApiClient("kiosk", "KIOSK", World.Department.Id, [ApiScopes.Read, ApiScopes.WriteOrganisations]);
        db.ApiClients.Add(kiosk);
        await db.SaveChangesAsync(Ct);
        return kiosk;
    }

    private void AssertByCentralAdmin(AuditEntry entry) =>
        Assert.Equal(
            (World.CentralAdmin.SubjectId, World.CentralAdmin.DisplayName, RegistryUserKind.Person, World.DigitaalVlaanderen.OvoCode.Value, AuditChannel.Ui),
            (entry.ActorId, entry.ActorName, entry.ActorKind, entry.ActorOrganisation, entry.Channel));

    private Task<long> LastPositionAsync() =>
        ReadAsync(async db => await db.AuditEntries.MaxAsync(e => (long?)e.Position, Ct) ?? 0);

    private Task<List<AuditEntry>> TrailAfterAsync(long position) =>
        ReadAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(Ct));

    /// <summary>An entry's values as text (JSON strings, numbers and booleans as written; booleans as True/False).</summary>
    private static Dictionary<string, string?> Parse(string? json)
    {
        using var document = JsonDocument.Parse(json!);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => "True",
                JsonValueKind.False => "False",
                _ => p.Value.GetRawText(),
            });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiClientServiceTestsOnSqlite(SqliteDatabaseFixture database) : ApiClientServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApiClientServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApiClientServiceTests(database);
