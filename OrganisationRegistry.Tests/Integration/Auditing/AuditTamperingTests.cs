using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// Someone with access to the database changes, removes or reorders entries in raw SQL: <c>verify-audit</c> fails
/// (exit code 1) and names the first entry that breaks the chain.
/// </summary>
public abstract class AuditTamperingTests(DatabaseFixture database) : AuditTests(database), IAsyncLifetime
{
    // The world's own inserts, then an update and a correction with its reason.
    private const long Target = 5;

    // Re-implements IAsyncLifetime.InitializeAsync: the world first, then a little history on top of it.
    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 1, "Departement MOW"), Ct);
        await World.Assignments.CorrectAsync(
            World.AopExpert, new CorrectAssignment(World.DepartmentAssignment(RegistryWorld.BestuursdecreetCode).Id, 1, "Foutief toegewezen."), Ct);
    }

    [Fact]
    public void TheCommandLine_KnowsVerifyAudit()
    {
        Assert.IsType<VerifyAuditCommand>(RegistryCommandLine.Parse(["verify-audit"]));
        Assert.Equal(new AuditAnchor(12, new string('a', 64)), Assert.IsType<VerifyAuditCommand>(RegistryCommandLine.Parse(["verify-audit", "--head", $"12:{new string('a', 64)}"])).Anchor);
        Assert.IsNotType<VerifyAuditCommand>(RegistryCommandLine.Parse(["verify-audit", "--head", "12"]));
    }

    [Fact]
    public async Task AnUntouchedTrail_IsIntact_ExitCode0_AndPrintsItsHead()
    {
        var (exitCode, output, error) = await VerifyAuditAsync();

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var last = await LastPositionAsync();
        Assert.Contains($"Intact: {last} entries", output, StringComparison.Ordinal);
        Assert.Contains($"Head: {last}:{Convert.ToHexStringLower(await HashAtAsync(last))}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NewValues", "'{\"Name\":\"Iets anders\"}'")]
    [InlineData("ActorId", "'dev:central-admin'")]
    [InlineData("ActorName", "'Iemand anders'")]
    [InlineData("Operation", "'Delete'")]
    [InlineData("OrganisationOvoCode", "NULL")]
    [InlineData("CorrelationId", "'andere-actie'")]
    public async Task ChangingAnyValueOfAnEntry_BreaksTheChainAtThatEntry(string column, string value)
    {
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"{column}\" = {value} WHERE \"Position\" = {Target}");

        var (exitCode, _, error) = await VerifyAuditAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {Target}: Entry {Target} (", error, StringComparison.Ordinal);
        Assert.Contains($"The {Target - 1} entries before it are intact.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheReasonOfACorrection_BreaksTheChainThere()
    {
        var correction = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Reason != null, Ct));

        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Reason\" = 'Op verzoek.' WHERE \"Position\" = {correction.Position}");

        Assert.Equal(correction.Position, (await VerifyAsync()).Break?.Position);
    }

    [Fact]
    public async Task DeletingAnEntry_BreaksTheChainAtTheNextEntry_NamingTheMissingOne()
    {
        await ExecuteRawAsync($"DELETE FROM \"AuditEntries\" WHERE \"Position\" = {Target}");

        var (exitCode, _, error) = await VerifyAuditAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {Target + 1}: Entry {Target + 1} follows entry {Target - 1}: entry {Target} is missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAnEntry_AndRenumberingTheRest_BreaksTheChainAtTheFirstRenumbered()
    {
        await ExecuteRawAsync($"DELETE FROM \"AuditEntries\" WHERE \"Position\" = {Target}");
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Position\" = -\"Position\" WHERE \"Position\" > {Target}");
        await ExecuteRawAsync("UPDATE \"AuditEntries\" SET \"Position\" = -\"Position\" - 1 WHERE \"Position\" < 0");

        Assert.Equal(Target, (await VerifyAsync()).Break?.Position);
    }

    [Fact]
    public async Task SwappingTwoEntries_BreaksTheChainAtTheFirstOfThem()
    {
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Position\" = -1 WHERE \"Position\" = {Target}");
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Position\" = {Target} WHERE \"Position\" = {Target + 1}");
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Position\" = {Target + 1} WHERE \"Position\" = -1");

        var (exitCode, _, error) = await VerifyAuditAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {Target}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewritingAnEntry_WithAHashThatMatchesIt_BreaksTheChainAtTheNextEntry()
    {
        await RewriteWithAMatchingHashAsync(Target);

        Assert.Equal(Target + 1, (await VerifyAsync()).Break?.Position);
    }

    [Fact]
    public async Task DeletingTheLastEntries_IsFoundByTheCounter()
    {
        var last = await LastPositionAsync();
        await ExecuteRawAsync($"DELETE FROM \"AuditEntries\" WHERE \"Position\" > {last - 2}");

        var (exitCode, _, error) = await VerifyAuditAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {last - 1}: The trail ends at entry {last - 2}, but entries up to {last} were written: the last 2 are missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCounter_RecordsTheHashOfTheLastEntry()
    {
        var last = await LastPositionAsync();

        var head = await ReadAsync(db => db.Sequences.Where(s => s.Name == RegistrySequence.AuditPosition).Select(s => s.LastHash).SingleAsync(Ct));

        Assert.Equal(await HashAtAsync(last), head);
    }

    [Fact]
    public async Task ACounterWithoutItsHead_IsReported_AndTheNextWriteChainsToTheLastEntry()
    {
        var last = await LastPositionAsync();
        await ExecuteRawAsync($"UPDATE \"Sequences\" SET \"LastHash\" = NULL WHERE \"Name\" = '{RegistrySequence.AuditPosition}'");
        Assert.Equal(last, (await VerifyAsync()).Break?.Position);

        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 2, "Departement Mobiliteit"), Ct);

        Assert.True((await VerifyAsync()).IsIntact);
        Assert.Equal(last + 1, await LastPositionAsync());
    }

    [Fact]
    public async Task RewritingTheLastEntry_WithAHashThatMatchesIt_IsFoundByTheCounter()
    {
        var last = await LastPositionAsync();
        var recorded = Convert.ToHexStringLower(await HashAtAsync(last));
        await RewriteWithAMatchingHashAsync(last);

        var (exitCode, _, error) = await VerifyAuditAsync();

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {last}: Entry {last}, the last, has hash", error, StringComparison.Ordinal);
        Assert.Contains($"but the counter records {recorded} as the last hash written", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteAfterARewriteOfTheLastEntry_ChainsToTheHashTheCounterKept_SoTheRewriteStaysVisible()
    {
        var last = await LastPositionAsync();
        await RewriteWithAMatchingHashAsync(last);

        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 2, "Departement Mobiliteit"), Ct);

        Assert.Equal(last + 1, (await VerifyAsync()).Break?.Position);
    }

    [Fact]
    public async Task AHeadKeptElsewhere_CatchesARewriteOfTheWholeTail_ThatTheChainAloneCannot()
    {
        var last = await LastPositionAsync();
        var head = new AuditAnchor(last, Convert.ToHexStringLower(await HashAtAsync(last)));
        Assert.Equal(0, (await VerifyAuditAsync(head)).ExitCode);

        // Rewrite the last entry, its hash and the counter's head consistently: the chain is intact again, the recorded
        // head is not.
        var hash = await RewriteWithAMatchingHashAsync(last);
        await ExecuteRawAsync($"UPDATE \"Sequences\" SET \"LastHash\" = {hash} WHERE \"Name\" = '{RegistrySequence.AuditPosition}'");

        Assert.True((await VerifyAsync()).IsIntact);
        var (exitCode, _, error) = await VerifyAuditAsync(head);
        Assert.Equal(1, exitCode);
        Assert.StartsWith($"BROKEN at entry {last}: Entry {last} has hash", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> VerifyAuditAsync(AuditAnchor? head = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new VerifyAuditCommand(output, error, head).RunAsync(Database.Services, Ct);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Changes who made entry <paramref name="position"/> and gives it the hash that matches its new content, as someone
    /// who knows the scheme would; returns that hash as a literal.
    /// </summary>
    private async Task<string> RewriteWithAMatchingHashAsync(long position)
    {
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Iemand anders' WHERE \"Position\" = {position}");
        var rewritten = await ReadAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Position == position, Ct));
        var hash = HexLiteral(AuditHash.Compute(await HashAtAsync(position - 1), rewritten));
        await ExecuteRawAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = {hash} WHERE \"Position\" = {position}");
        return hash;
    }

    private Task<byte[]> HashAtAsync(long position) =>
        ReadAsync(db => db.AuditEntries.Where(e => e.Position == position).Select(e => e.Hash).SingleAsync(Ct));

    /// <summary>A binary literal in the database's own notation.</summary>
    private string HexLiteral(byte[] bytes) => Database.Provider == DatabaseProvider.PostgreSql
        ? $"'\\x{Convert.ToHexStringLower(bytes)}'::bytea"
        : $"X'{Convert.ToHexString(bytes)}'";
}

[Collection(SqliteCollection.Name)]
public sealed class AuditTamperingTestsOnSqlite(SqliteDatabaseFixture database) : AuditTamperingTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditTamperingTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditTamperingTests(database);
