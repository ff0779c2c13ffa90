using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Reliability;

/// <summary>
/// The reliability run (<c>bash scripts/reliability.sh</c>; explicit, minutes long, not part of the test suite). The
/// built app runs as its own process on 127.0.0.1 against a throwaway PostgreSQL database. First 32 concurrent API
/// writers (organisations created, patched and given keys; assignments created, changed and ended in both domains;
/// small bulk batches) and 8 readers for <c>REGISTRY_RELIABILITY_SECONDS</c> (default 180), every write with an
/// <c>Idempotency-Key</c>, some sent twice on purpose and some with a client timeout so short that the answer is lost
/// and the write must be retried with the same key. Then the proofs: no 5xx, every confirmed write in the database
/// with its audit entry (channel Api, the client as actor), no duplicates from retried keys, <c>verify-audit</c>
/// (the real command, as a process) exit code 0. Then the app is killed with SIGKILL while a bulk batch of the maximum
/// size is in flight, several times, restarted each time, and each batch must be there completely (rows and audit
/// entries) or not at all. The report goes to <c>REGISTRY_RELIABILITY_REPORT</c> (default
/// <c>TestResults/reliability-report.txt</c>) and ends with a verdict line.
/// </summary>
public sealed class ReliabilityRun
{
    private const string SigningKey = "reliability-run-signing-key-of-the-organisation-registry-api";
    private const string AppName = "registry-reliability-app";
    private const int SeededOrganisations = 3_000;
    private const int OrganisationWriters = 10;
    private const int AssignmentWritersPerDomain = 8;
    private const int BulkWriters = 6;
    private const int Readers = 8;
    internal const double ReplayShare = 0.10;
    internal const double LostAnswerShare = 0.05;
    /// <summary>When each kill comes: at a share of a warm batch's time, once the batch's transaction runs, or once it has committed (before the answer).</summary>
    private static readonly KillMoment[] KillMoments =
    [
        KillMoment.After(0.25),
        KillMoment.After(0.50),
        KillMoment.After(0.80),
        KillMoment.InTransaction,
        KillMoment.Committed,
    ];

    /// <summary>Days no seeded data uses, one range per kind of write, so that no two writes of the run ever overlap.</summary>
    private static readonly DateOnly AssignmentDays = new(1800, 1, 1);
    private static readonly DateOnly BulkDays = new(1000, 1, 1);
    private static readonly DateOnly KillDays = new(1700, 1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TimeSpan LoadDuration => TimeSpan.FromSeconds(double.Parse(
        Environment.GetEnvironmentVariable("REGISTRY_RELIABILITY_SECONDS") is { Length: > 0 } seconds ? seconds : "180", CultureInfo.InvariantCulture));

    [Fact(Explicit = true)]
    public async Task ConcurrentApiWriters_ThenSigkillDuringBulk_LoseNothingAndDuplicateNothing()
    {
        var report = new RunReport();
        var checks = new List<(string Name, bool Passed, string Detail)>();
        void Check(string name, bool passed, string detail)
        {
            checks.Add((name, passed, detail));
            report.Line($"  [{(passed ? "PASS" : "FAIL")}] {name}: {detail}");
        }

        try
        {
            await using var database = new PostgreSqlDatabaseFixture();
            await database.InitializeAsync();
            report.Line($"Reliability run {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC on {Environment.ProcessorCount} cores; PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database}");

            var seedClock = Stopwatch.StartNew();
            await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(SeededOrganisations, RandomSeed: 42), cancellationToken: Ct);
            var world = await World.ReadAsync(database);
            report.Line($"Seeded the reference data and {SeededOrganisations:N0} organisations in {seedClock.Elapsed.TotalSeconds:0.0} s; {world.Pool.Count:N0} usable for assignments.");

            var appDll = AppProcess.FindAppDll();
            var logPath = Path.Combine(RunReport.Directory, "reliability-app.log");
            File.Delete(logPath);
            var appConnection = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = AppName, MaxPoolSize = 150 }.ConnectionString;
            await using var app = new AppProcess(appDll, appConnection, SigningKey, logPath);
            var started = await app.StartAsync(TimeSpan.FromSeconds(90), Ct);
            report.Line($"App {appDll} started as process {app.ProcessId} on {app.BaseAddress} in {started.TotalSeconds:0.0} s (log: {logPath}).");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128, AllowAutoRedirect = false, UseCookies = false })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var api = new ApiCaller(http, app, Tokens());

            // ---- Load ----------------------------------------------------------------------------------------
            report.Line("");
            report.Line($"LOAD: {OrganisationWriters + (2 * AssignmentWritersPerDomain) + BulkWriters} writers ({OrganisationWriters} organisations+patch+keys as kiosk, "
                + $"{AssignmentWritersPerDomain} assign+change+end as orafin (vco), {AssignmentWritersPerDomain} as aop-hr (bestuursdecreet), {BulkWriters} bulk batches of 5) "
                + $"and {Readers} readers for {LoadDuration.TotalSeconds:0} s; {ReplayShare:P0} of keyed POSTs sent twice, {LostAnswerShare:P0} with the answer lost (a client timeout of 0.2-1.2 times the operation's typical time) and retried");
            var recorder = new LoadRecorder();
            var loadClock = Stopwatch.StartNew();
            var deadline = DateTime.UtcNow + LoadDuration;
            var tasks = new List<Task>();
            for (var w = 0; w < OrganisationWriters; w++)
            {
                tasks.Add(Run(OrganisationWriterAsync, w));
            }

            for (var w = 0; w < AssignmentWritersPerDomain; w++)
            {
                tasks.Add(Run(AssignmentWriterAsync, w));
                tasks.Add(Run(AssignmentWriterAsync, AssignmentWritersPerDomain + w));
            }

            for (var w = 0; w < BulkWriters; w++)
            {
                tasks.Add(Run(BulkWriterAsync, w));
            }

            for (var r = 0; r < Readers; r++)
            {
                tasks.Add(Run(ReaderAsync, r));
            }

            Task Run(Func<int, Task> loop, int index) => Task.Run(() => loop(index), Ct);
            await Task.WhenAll(tasks);
            loadClock.Stop();

            async Task OrganisationWriterAsync(int w)
            {
                var random = new Random(1000 + w);
                for (var round = 0; DateTime.UtcNow < deadline && round < 100_000; round++)
                {
                    var name = $"Betrouwbaarheid {w:D2}-{round:D5}";
                    var (created, key) = await api.WriteAsync(recorder, random, "create-organisation", "kiosk", HttpMethod.Post, "/api/v1/organisations",
                        new { name, parentOvo = world.CultuurOvo, validFrom = "2025-01-01" }, ifMatch: null, Ct);
                    if (created?.Status != 201)
                    {
                        continue;
                    }

                    var ovo = created.Location!.Split('/')[^1];
                    recorder.Confirmed(new ConfirmedWrite("create-organisation", "kiosk", key, ovo, null, created.Version, name));
                    var (patched, patchKey) = await api.WriteAsync(recorder, random, "patch-organisation", "kiosk", HttpMethod.Patch, $"/api/v1/organisations/{ovo}",
                        new { description = $"Nagekeken in ronde {round}" }, created.ETag, Ct);
                    if (patched?.Status == 200)
                    {
                        recorder.Confirmed(new ConfirmedWrite("patch-organisation", "kiosk", patchKey, ovo, null, patched.Version));
                    }

                    var (keyed, keyKey) = await api.WriteAsync(recorder, random, "create-key", "kiosk", HttpMethod.Post, $"/api/v1/organisations/{ovo}/keys",
                        new { keyType = "kiosk", value = $"REL-{w:D2}-{round:D5}", validFrom = "2025-01-01" }, ifMatch: null, Ct);
                    if (keyed?.Status == 201)
                    {
                        recorder.Confirmed(new ConfirmedWrite("create-key", "kiosk", keyKey, ovo, Guid.Parse(keyed.Location!.Split('/')[^1]), keyed.Version));
                    }
                }
            }

            async Task AssignmentWriterAsync(int w)
            {
                var random = new Random(2000 + w);
                var (client, domain, category) = w < AssignmentWritersPerDomain
                    ? ("orafin", ReferenceCatalogue.Vco, "dab")
                    : ("aop-hr", ReferenceCatalogue.Bestuursdecreet, "iva-zonder-rp");
                var own = world.OwnOrganisations(w, 2 * AssignmentWritersPerDomain);
                for (var round = 0; DateTime.UtcNow < deadline && round < 100_000; round++)
                {
                    var ovo = own[round % own.Count];
                    var start = AssignmentDays.AddDays(round / own.Count * 10);
                    var (created, key) = await api.WriteAsync(recorder, random, "assign", client, HttpMethod.Post, $"/api/v1/organisations/{ovo}/assignments",
                        new { domain, category, validFrom = start, validTo = start.AddDays(9) }, ifMatch: null, Ct);
                    if (created?.Status != 201)
                    {
                        continue;
                    }

                    var id = Guid.Parse(created.Location!.Split('/')[^1]);
                    recorder.Confirmed(new ConfirmedWrite("assign", client, key, ovo, id, created.Version));
                    var (changed, changeKey) = await api.WriteAsync(recorder, random, "change-assignment", client, HttpMethod.Put, $"/api/v1/organisations/{ovo}/assignments/{id}",
                        new { category, validFrom = start, validTo = start.AddDays(9), remark = $"Nagekeken in ronde {round}" }, created.ETag, Ct);
                    if (changed?.Status != 200)
                    {
                        continue;
                    }

                    recorder.Confirmed(new ConfirmedWrite("change-assignment", client, changeKey, ovo, id, changed.Version));
                    var (ended, endKey) = await api.WriteAsync(recorder, random, "end-assignment", client, HttpMethod.Post, $"/api/v1/organisations/{ovo}/assignments/{id}/end",
                        new { validTo = start.AddDays(4) }, changed.ETag, Ct);
                    if (ended?.Status == 200)
                    {
                        recorder.Confirmed(new ConfirmedWrite("end-assignment", client, endKey, ovo, id, ended.Version));
                    }
                }
            }

            async Task BulkWriterAsync(int w)
            {
                var random = new Random(3000 + w);
                var (client, domain, category) = w % 2 == 0
                    ? ("orafin", ReferenceCatalogue.Vco, "dab")
                    : ("aop-hr", ReferenceCatalogue.Bestuursdecreet, "iva-zonder-rp");
                for (var round = 0; DateTime.UtcNow < deadline && round < 5_000; round++)
                {
                    var day = BulkDays.AddDays((w * 5_000) + round);
                    var organisations = world.Pool.OrderBy(_ => random.Next()).Take(5).ToArray();
                    var (answer, key) = await api.WriteAsync(recorder, random, "bulk-assign", client, HttpMethod.Post, $"/api/v1/application-domains/{domain}/assignments/bulk",
                        new { category, validFrom = day, validTo = day, organisations }, ifMatch: null, Ct);
                    if (answer?.Status == 200)
                    {
                        var bulk = JsonSerializer.Deserialize<ApiBulkAssignmentReport>(answer.Body, ApiJson.Options)!;
                        foreach (var row in bulk.Rows)
                        {
                            recorder.Confirmed(new ConfirmedWrite("bulk-assign", client, key, row.Ovo, row.AssignmentId, 1, Batch: key));
                        }
                    }

                    await Task.Delay(random.Next(50, 250), Ct);
                }
            }

            async Task ReaderAsync(int r)
            {
                var random = new Random(4000 + r);
                while (DateTime.UtcNow < deadline)
                {
                    var ovo = world.Pool[random.Next(world.Pool.Count)];
                    var (operation, path) = random.Next(6) switch
                    {
                        0 => ("search", $"/api/v1/organisations?q={Uri.EscapeDataString(world.SearchTerms[random.Next(world.SearchTerms.Count)])}&page={random.Next(1, 4)}"),
                        1 => ("detail", $"/api/v1/organisations/{ovo}"),
                        2 => ("assignments-list", $"/api/v1/organisations/{ovo}/assignments"),
                        3 => ("domain-members", $"/api/v1/application-domains/{(random.Next(2) == 0 ? ReferenceCatalogue.Vco : ReferenceCatalogue.Bestuursdecreet)}/assignments?page={random.Next(1, 20)}"),
                        4 => ("keys-list", $"/api/v1/organisations/{ovo}/keys"),
                        _ => ("changes", $"/api/v1/changes?after={random.Next(0, 20_000)}&limit=100"),
                    };
                    var answer = await api.SendAsync(recorder, operation, isWrite: false, "readonly", HttpMethod.Get, path, json: null, contentType: null, key: null, ifMatch: null, TimeSpan.FromSeconds(60), Ct);
                    if (answer?.Status != 200)
                    {
                        recorder.Unexpect($"{operation} {path} -> {answer?.Status.ToString(CultureInfo.InvariantCulture) ?? "no answer"} {Excerpt(answer?.Body)}");
                    }

                    await Task.Delay(random.Next(5, 30), Ct);
                }
            }

            var samples = recorder.Samples.ToList();
            var writeSamples = samples.Where(s => s.IsWrite && s.Status > 0).ToList();
            var readSamples = samples.Where(s => !s.IsWrite && s.Status > 0).ToList();
            var seconds = loadClock.Elapsed.TotalSeconds;
            report.Line($"  {samples.Count:N0} requests in {seconds:0.0} s: {writeSamples.Count:N0} write requests ({writeSamples.Count / seconds:0.0}/s), {readSamples.Count:N0} reads ({readSamples.Count / seconds:0.0}/s)");
            report.Line($"  {recorder.Writes.Count:N0} confirmed writes ({recorder.Writes.Count / seconds:0.0}/s): "
                + string.Join(", ", recorder.Writes.GroupBy(w => w.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")));
            report.Line($"  retries: {recorder.ReplaysSent:N0} deliberate replays ({recorder.ReplaysFaithful:N0} answered with the stored answer), "
                + $"{recorder.LostResponses:N0} answers lost on purpose and retried with the same key ({recorder.LostThenReplayed:N0} of them got the first request's stored answer, "
                + $"the others' first request had written nothing), {recorder.RetriesInProgress:N0} retries answered 409 idempotency-in-progress first");
            report.Line("  status mix: " + string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{StatusName(g.Key)} {g.Count():N0}")));
            report.Line("  latency, all writes:  " + LoadRecorder.Percentiles(writeSamples.Select(s => s.Milliseconds)));
            report.Line("  latency, all reads:   " + LoadRecorder.Percentiles(readSamples.Select(s => s.Milliseconds)));
            foreach (var group in samples.Where(s => s.Status > 0).GroupBy(s => s.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                report.Line($"    {group.Key,-20} {group.Count(),7:N0}  {LoadRecorder.Percentiles(group.Select(s => s.Milliseconds))}");
            }

            foreach (var unexpected in recorder.Unexpected.Take(20))
            {
                report.Line("  unexpected: " + unexpected);
            }

            // ---- Proofs --------------------------------------------------------------------------------------
            report.Line("");
            report.Line("PROOFS AFTER THE LOAD");
            var fiveHundreds = samples.Count(s => s.Status >= 500);
            var noAnswer = samples.Count(s => s.Status == 0);
            Check("no 5xx", fiveHundreds == 0, $"{fiveHundreds} answers of 5xx of {samples.Count:N0}");
            Check("every request answered", noAnswer == 0, $"{noAnswer} requests without an answer (apart from the deliberately lost ones)");
            Check("no unexpected answers", recorder.Unexpected.Count == 0, $"{recorder.Unexpected.Count} unexpected answers (4xx other than idempotency-in-progress while retrying, or a replay that differed)");
            Check("replays are the stored answer", recorder.ReplaysFaithful == recorder.ReplaysSent && recorder.ReplaysSent > 0,
                $"{recorder.ReplaysFaithful:N0} of {recorder.ReplaysSent:N0} repeated requests got the first answer again with Idempotent-Replayed: true");
            Check("load did writes", recorder.Writes.Count > 100, $"{recorder.Writes.Count:N0} confirmed writes");
            foreach (var (name, passed, detail) in await ProveWritesAsync(database, recorder.Writes.ToList()))
            {
                Check(name, passed, detail);
            }

            var (verifyCode, verifyOutput) = await app.RunCommandAsync(["verify-audit"], TimeSpan.FromMinutes(5), Ct);
            Check("verify-audit after the load", verifyCode == 0, $"exit code {verifyCode}: {Verdict(verifyOutput)}");

            // ---- Kills ---------------------------------------------------------------------------------------
            report.Line("");
            report.Line($"KILLS: SIGKILL of the app process while POST …/application-domains/vco/assignments/bulk with {BulkAssignToDomain.MaxOrganisations} organisations is in flight, "
                + "restart on the same database, then: all of the batch (rows and audit entries, one correlation id) or none of it");
            var killOrganisations = world.Pool.Take(BulkAssignToDomain.MaxOrganisations).ToArray();
            var warmUp = await api.BulkAsync(killOrganisations, KillDays, Guid.NewGuid().ToString(), Ct);
            var calibration = await api.BulkAsync(killOrganisations, KillDays.AddDays(1), Guid.NewGuid().ToString(), Ct);
            report.Line($"  calibration: two full batches answered {warmUp.Answer?.Status} in {warmUp.Milliseconds:0} ms and {calibration.Answer?.Status} in {calibration.Milliseconds:0} ms");
            Check("calibration batches applied", warmUp.Answer?.Status == 200 && calibration.Answer?.Status == 200, "both answered 200");
            var batchMilliseconds = Math.Max(50, calibration.Milliseconds);
            int applied = 0, absent = 0, partial = 0, inFlight = 0;
            for (var k = 0; k < KillMoments.Length; k++)
            {
                var moment = KillMoments[k];
                var day = KillDays.AddDays(2 + k);
                var key = Guid.NewGuid().ToString();
                var clock = Stopwatch.StartNew();
                var sending = api.BulkAsync(killOrganisations, day, key, Ct);
                var reached = await WaitForAsync(database, moment, day, batchMilliseconds, sending);
                var openTransactions = await AppTransactionsAsync(database, TimeSpan.Zero);
                var answeredBeforeKill = sending.IsCompleted;
                var pid = app.ProcessId;
                var killedAfter = clock.Elapsed;
                app.Kill();
                var sent = await sending;
                var gone = await WaitUntilTheAppsSessionsAreGoneAsync(database);

                var (rows, entries, correlations) = await BatchStateAsync(database, day);
                var outcome = (rows, entries) switch
                {
                    (0, 0) => "ABSENT",
                    _ when rows == killOrganisations.Length && entries == rows && correlations == 1 => "APPLIED",
                    _ => "PARTIAL",
                };
                applied += outcome == "APPLIED" ? 1 : 0;
                absent += outcome == "ABSENT" ? 1 : 0;
                partial += outcome == "PARTIAL" ? 1 : 0;
                inFlight += answeredBeforeKill ? 0 : 1;

                var restart = await app.StartAsync(TimeSpan.FromSeconds(90), Ct);
                var retry = await api.BulkAsync(killOrganisations, day, key, Ct);
                report.Line($"  kill {k + 1} ({moment.Describe()}{(reached ? string.Empty : ", not reached")}): SIGKILL of pid {pid} after {killedAfter.TotalMilliseconds:0} ms, "
                    + $"{(answeredBeforeKill ? $"request already answered {sent.Answer?.Status}" : "request in flight")}, app transactions open: {openTransactions}; "
                    + $"its PostgreSQL sessions gone {gone}; batch {outcome}: {rows} assignments, {entries} audit entries, {correlations} correlation id(s); "
                    + $"app restarted in {restart.TotalSeconds:0.0} s; the same request with the same key: {sent.Describe(retry.Answer)}");

                // A warm process again before the next kill (the first requests of a new process are slower: JIT, pools).
                var warm = await api.BulkAsync(killOrganisations, KillDays.AddDays(100 + k), Guid.NewGuid().ToString(), Ct);
                if (warm.Answer?.Status != 200)
                {
                    report.Line($"  warm-up batch after the restart answered {warm.Answer?.Status.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
                }
            }

            Check("each killed batch is all or nothing", partial == 0, $"{applied} applied, {absent} absent, {partial} partial of {KillMoments.Length} kills");
            Check("kills hit requests in flight", inFlight >= 3, $"{inFlight} of {KillMoments.Length} kills while the request was in flight");
            var (finalCode, finalOutput) = await app.RunCommandAsync(["verify-audit"], TimeSpan.FromMinutes(5), Ct);
            Check("verify-audit after the kills", finalCode == 0, $"exit code {finalCode}: {Verdict(finalOutput)}");
        }
        catch (Exception exception)
        {
            Check("the run completed", false, exception.GetType().Name + ": " + exception.Message);
            report.Line(exception.ToString());
        }

        var failed = checks.Where(c => !c.Passed).Select(c => c.Name).ToList();
        report.Line("");
        report.Line(failed.Count == 0
            ? $"VERDICT: PASSED ({checks.Count} of {checks.Count} checks)"
            : $"VERDICT: FAILED ({failed.Count} of {checks.Count} checks failed: {string.Join("; ", failed)})");
        Assert.True(failed.Count == 0, string.Join("; ", failed));
    }

    /// <summary>Every confirmed write in the database and in the audit trail (channel Api, its client); no duplicates.</summary>
    private static async Task<List<(string Name, bool Passed, string Detail)>> ProveWritesAsync(DatabaseFixture database, List<ConfirmedWrite> writes)
    {
        var results = new List<(string, bool, string)>();
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var api = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Channel == AuditChannel.Api)
            .Select(e => new { e.EntityType, e.EntityKey, e.Operation, e.ActorId, e.OrganisationOvoCode, e.NewValues, e.CorrelationId })
            .ToListAsync(Ct);
        var byKey = api.ToLookup(e => (e.EntityType, e.EntityKey));
        var byOrganisation = api.Where(e => e.EntityType == nameof(Organisation)).ToLookup(e => e.OrganisationOvoCode);

        // Organisations: one per create key (their names are unique per key), each with its insert entry and an update entry per patch.
        var creates = writes.Where(w => w.Kind == "create-organisation").ToList();
        var stored = await db.Organisations.AsNoTracking().Where(o => o.Name.StartsWith("Betrouwbaarheid ")).Select(o => new { o.Name, o.OvoCode, o.Version }).ToListAsync(Ct);
        var storedByName = stored.ToLookup(o => o.Name);
        var missingOrganisations = creates.Count(c => !storedByName[c.Name!].Any(o => o.OvoCode.Value == c.Ovo));
        var duplicateNames = storedByName.Count(g => g.Count() > 1);
        var unconfirmed = stored.Count - creates.Count;
        var organisationAudit = creates.Count(c => byOrganisation[c.Ovo].Any(e => e.Operation == AuditOperation.Insert && e.ActorId == c.Client));
        var patches = writes.Where(w => w.Kind == "patch-organisation").ToList();
        var patchAudit = patches.Count(p => byOrganisation[p.Ovo].Any(e => e.Operation == AuditOperation.Update && e.ActorId == p.Client && VersionOf(e.NewValues) == p.Version));
        results.Add(("organisations: stored, once per key", missingOrganisations == 0 && duplicateNames == 0 && unconfirmed == 0,
            $"{creates.Count:N0} confirmed creates, {stored.Count:N0} stored, {missingOrganisations} missing, {duplicateNames} names stored twice"));
        results.Add(("organisations: audited", organisationAudit == creates.Count && patchAudit == patches.Count,
            $"{organisationAudit:N0}/{creates.Count:N0} inserts and {patchAudit:N0}/{patches.Count:N0} patches (with their version) in the trail on channel Api as kiosk"));

        // Keys.
        var keys = writes.Where(w => w.Kind == "create-key").ToList();
        var keyIds = keys.Select(k => k.EntityId!.Value).ToList();
        var storedKeys = await db.OrganisationKeys.AsNoTracking().Where(k => k.Value.StartsWith("REL-")).Select(k => k.Id).ToListAsync(Ct);
        var keyAudit = keys.Count(k => byKey[(nameof(OrganisationKey), k.EntityId!.Value.ToString())].Any(e => e.Operation == AuditOperation.Insert && e.ActorId == k.Client));
        results.Add(("keys: stored, once per key, audited", storedKeys.Count == keys.Count && keyIds.All(storedKeys.Contains) && keyAudit == keys.Count,
            $"{keys.Count:N0} confirmed, {storedKeys.Count:N0} stored, {keyAudit:N0} insert entries"));

        // Assignments: single and bulk, with their last confirmed version, their entries, and nothing more in the run's days.
        var assignmentWrites = writes.Where(w => w.Kind is "assign" or "change-assignment" or "end-assignment" or "bulk-assign").ToList();
        var created = assignmentWrites.Where(w => w.Kind is "assign" or "bulk-assign").ToList();
        var runAssignments = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.ValidFrom != null && ((a.ValidFrom >= BulkDays && a.ValidFrom < BulkDays.AddYears(100)) || a.ValidFrom >= AssignmentDays && a.ValidFrom < AssignmentDays.AddYears(100)))
            .Select(a => new { a.Id, a.Version })
            .ToDictionaryAsync(a => a.Id, a => a.Version, Ct);
        var lastVersion = assignmentWrites.GroupBy(w => w.EntityId!.Value).ToDictionary(g => g.Key, g => g.Max(w => w.Version));
        var missingAssignments = lastVersion.Count(v => !runAssignments.TryGetValue(v.Key, out var version) || version != v.Value);
        results.Add(("assignments: stored at their confirmed version, once per key", missingAssignments == 0 && runAssignments.Count == created.Count,
            $"{created.Count:N0} confirmed creates ({created.Count(c => c.Kind == "bulk-assign"):N0} in bulk), {runAssignments.Count:N0} stored in the run's periods, {missingAssignments} missing or at another version"));
        var assignmentAudit = assignmentWrites.Count(w => byKey[(nameof(DomainAssignment), w.EntityId!.Value.ToString())].Any(e =>
            e.ActorId == w.Client && (w.Kind is "assign" or "bulk-assign" ? e.Operation == AuditOperation.Insert : e.Operation == AuditOperation.Update && VersionOf(e.NewValues) == w.Version)));
        results.Add(("assignments: audited", assignmentAudit == assignmentWrites.Count,
            $"{assignmentAudit:N0}/{assignmentWrites.Count:N0} writes (insert, or update with its version) in the trail on channel Api as their client"));
        var batches = created.Where(c => c.Batch is not null).GroupBy(c => c.Batch!).ToList();
        var oneCorrelation = batches.Count(b => b.Select(r => byKey[(nameof(DomainAssignment), r.EntityId!.Value.ToString())].FirstOrDefault(e => e.Operation == AuditOperation.Insert)?.CorrelationId).Distinct().Count() == 1);
        results.Add(("bulk batches: one correlation id each", oneCorrelation == batches.Count, $"{oneCorrelation:N0}/{batches.Count:N0} batches"));
        return results;
    }

    private static long? VersionOf(string? values)
    {
        if (values is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(values);
        return document.RootElement.TryGetProperty("Version", out var version) && long.TryParse(version.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>The kill batch of <paramref name="day"/>: its assignments, its audit entries (found by their values, so also without rows) and their correlation ids.</summary>
    private static async Task<(int Rows, int Entries, int Correlations)> BatchStateAsync(DatabaseFixture database, DateOnly day)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var rows = await db.DomainAssignments.AsNoTracking().CountAsync(a => a.ValidFrom == day, Ct);
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DomainAssignment) && e.Operation == AuditOperation.Insert && e.NewValues!.Contains(text))
            .Select(e => e.CorrelationId)
            .ToListAsync(Ct);
        return (rows, entries.Count, entries.Distinct().Count());
    }

    /// <summary>The app's sessions in a transaction that has run at least <paramref name="age"/>.</summary>
    private static async Task<int> AppTransactionsAsync(DatabaseFixture database, TimeSpan age)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND xact_start IS NOT NULL AND now() - xact_start >= @age", connection);
        command.Parameters.AddWithValue("name", AppName);
        command.Parameters.AddWithValue("age", age);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the moment to kill; <c>false</c> when the request was answered first (or 30 s passed).</summary>
    private static async Task<bool> WaitForAsync(DatabaseFixture database, KillMoment moment, DateOnly day, double batchMilliseconds, Task<BulkSend> sending)
    {
        if (moment.Share is { } share)
        {
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromMilliseconds(batchMilliseconds * share), Ct));
            return !sending.IsCompleted;
        }

        var clock = Stopwatch.StartNew();
        while (!sending.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (moment == KillMoment.InTransaction
                // Longer than the short transactions of an idempotency claim: the batch's own.
                ? await AppTransactionsAsync(database, TimeSpan.FromMilliseconds(50)) > 0
                : await CommittedRowsAsync(database, day) > 0)
            {
                return true;
            }

            await Task.Delay(2, Ct);
        }

        return false;
    }

    private static async Task<int> CommittedRowsAsync(DatabaseFixture database, DateOnly day)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.DomainAssignments.AsNoTracking().CountAsync(a => a.ValidFrom == day, Ct);
    }

    /// <summary>PostgreSQL ends the killed app's sessions (and rolls back what they had not committed) once it sees their sockets closed.</summary>
    private static async Task<string> WaitUntilTheAppsSessionsAreGoneAsync(DatabaseFixture database)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
            command.Parameters.AddWithValue("name", AppName);
            if (Convert.ToInt32(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture) == 0)
            {
                return $"after {clock.Elapsed.TotalMilliseconds:0} ms";
            }

            await Task.Delay(20, Ct);
        }

        return "NOT within 30 s";
    }

    private static Dictionary<string, string> Tokens()
    {
        var issuer = new DevelopmentTokenIssuer(
            Options.Create(new ApiOptions { DevelopmentTokens = new() { Enabled = true, SigningKey = SigningKey } }), TimeProvider.System);
        return new[] { "kiosk", "orafin", "aop-hr", "readonly" }.ToDictionary(c => c, c => issuer.Issue(c, ApiScopes.All, TimeSpan.FromHours(4)));
    }

    private static string StatusName(int status) => status switch
    {
        -1 => "answer lost on purpose",
        0 => "no answer",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What verify-audit concluded: its "Intact: ..." or "BROKEN at ..." line and the head.</summary>
    private static string Verdict(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var said = lines.Where(l => l.StartsWith("Intact:", StringComparison.Ordinal) || l.StartsWith("BROKEN", StringComparison.Ordinal) || l.StartsWith("Head:", StringComparison.Ordinal)).ToList();
        return said.Count > 0 ? string.Join(" ", said) : lines.LastOrDefault() ?? "(no output)";
    }

    internal static string Excerpt(string? body) => body is null ? string.Empty : body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>What the load needs from the seeded database.</summary>
    private sealed record World(string CultuurOvo, IReadOnlyList<string> Pool, IReadOnlyList<string> SearchTerms)
    {
        public static async Task<World> ReadAsync(DatabaseFixture database)
        {
            await using var db = await database.Contexts.CreateDbContextAsync(Ct);
            var cultuur = await db.Organisations.Where(o => o.Name == ReferenceCatalogue.CultuurJeugdEnMedia).Select(o => o.OvoCode).SingleAsync(Ct);

            // Organisations without an assignment that is open towards the past, so that the run's early days overlap nothing.
            var pool = await db.Organisations.AsNoTracking()
                .Where(o => !o.Assignments.Any(a => a.ValidFrom == null))
                .OrderBy(o => o.OvoCode)
                .Select(o => o.OvoCode)
                .ToListAsync(Ct);
            var names = await db.Organisations.AsNoTracking().OrderBy(o => o.OvoCode).Take(200).Select(o => o.Name).ToListAsync(Ct);
            var terms = names.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Length > 4).Distinct().Take(60).ToList();
            return new World(cultuur.Value, [.. pool.Select(p => p.Value)], terms);
        }

        /// <summary>The organisations only assignment writer <paramref name="writer"/> of <paramref name="writers"/> uses.</summary>
        public IReadOnlyList<string> OwnOrganisations(int writer, int writers) =>
            [.. Pool.Where((_, i) => i % writers == writer).Take(100)];
    }

    /// <summary>The report, line by line to the console, the test output and a file (the script prints the file).</summary>
    private sealed class RunReport
    {
        private readonly string _path = Environment.GetEnvironmentVariable("REGISTRY_RELIABILITY_REPORT") is { Length: > 0 } path
            ? path
            : Path.Combine(Directory, "reliability-report.txt");

        public RunReport()
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(_path, string.Empty);
        }

        public static string Directory
        {
            get
            {
                for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "OrganisationRegistry.sln")))
                    {
                        var results = Path.Combine(directory.FullName, "TestResults");
                        System.IO.Directory.CreateDirectory(results);
                        return results;
                    }
                }

                return Path.GetTempPath();
            }
        }

        public void Line(string text)
        {
            File.AppendAllText(_path, text + "\n", Encoding.UTF8);
            TestContext.Current.TestOutputHelper?.WriteLine(text);
        }
    }
}

/// <summary>When a kill comes.</summary>
internal sealed record KillMoment(double? Share, string Name)
{
    public static readonly KillMoment InTransaction = new(null, "once the batch's transaction has run 50 ms");
    public static readonly KillMoment Committed = new(null, "once its rows are committed, before the answer");

    public static KillMoment After(double share) => new(share, string.Create(CultureInfo.InvariantCulture, $"at {share:P0} of a warm batch's time"));

    public string Describe() => Name;
}

/// <summary>An answer of the API as the load keeps it.</summary>
internal sealed record ApiAnswer(int Status, string Body, string? Location, string? ETag, bool Replayed)
{
    public long Version => ETag is { Length: > 2 } tag && long.TryParse(tag.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? version : 0;

    public bool IsInProgress => Status == 409 && Body.Contains("idempotency-in-progress", StringComparison.Ordinal);
}

/// <summary>Sends the load's requests (every one timed and counted in the <see cref="LoadRecorder"/>).</summary>
internal sealed class ApiCaller(HttpClient http, AppProcess app, IReadOnlyDictionary<string, string> tokens)
{
    private static readonly TimeSpan NormalTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A moving average of each operation's time, for the timeouts that lose answers.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _typical = new(StringComparer.Ordinal);

    /// <summary>
    /// A write with a new <c>Idempotency-Key</c>. POSTs sometimes lose their first answer (a client timeout of a few
    /// milliseconds) and are retried with the same key until a final answer (409 idempotency-in-progress means: again,
    /// shortly); some confirmed POSTs are sent a second time, and must get the stored answer again.
    /// </summary>
    public async Task<(ApiAnswer? Answer, string Key)> WriteAsync(
        LoadRecorder recorder, Random random, string operation, string client, HttpMethod method, string path, object body, string? ifMatch, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        var json = JsonSerializer.Serialize(body, ApiJson.Options);
        var contentType = method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json";
        var isPost = method == HttpMethod.Post;
        ApiAnswer? answer = null;
        var lost = false;
        if (isPost && random.NextDouble() < ReliabilityRun.LostAnswerShare)
        {
            // A timeout around the operation's typical time: the client gives up before, during or just after the write.
            var typical = _typical.GetValueOrDefault(operation, 20);
            var timeout = TimeSpan.FromMilliseconds(Math.Max(1, typical * (0.2 + random.NextDouble())));
            answer = await SendAsync(recorder, operation, isWrite: true, client, method, path, json, contentType, key, ifMatch, timeout, cancellationToken);
            lost = answer is null;
        }

        for (var attempt = 0; answer is null || (isPost && answer.IsInProgress); attempt++)
        {
            if (attempt >= 300)
            {
                recorder.Unexpect($"{operation} {path}: no final answer after {attempt} retries with key {key}");
                return (null, key);
            }

            if (answer is not null)
            {
                recorder.RetryInProgress();
                await Task.Delay(50, cancellationToken);
            }

            answer = await SendAsync(recorder, operation, isWrite: true, client, method, path, json, contentType, key, ifMatch, NormalTimeout, cancellationToken);
            if (answer is null || answer.Status == 0)
            {
                recorder.Unexpect($"{operation} {path}: no answer");
                return (null, key);
            }
        }

        if (lost)
        {
            recorder.LostResponse(answer.Replayed);
        }

        if (answer.Status is < 200 or >= 300)
        {
            recorder.Unexpect($"{operation} {method} {path} -> {answer.Status} {ReliabilityRun.Excerpt(answer.Body)}");
            return (answer, key);
        }

        if (isPost && random.NextDouble() < ReliabilityRun.ReplayShare)
        {
            var replay = await SendAsync(recorder, operation + " (replay)", isWrite: true, client, method, path, json, contentType, key, ifMatch, NormalTimeout, cancellationToken);
            var faithful = replay is not null && replay.Replayed && replay.Status == answer.Status && replay.Location == answer.Location && replay.ETag == answer.ETag && replay.Body == answer.Body;
            recorder.Replay(faithful);
            if (!faithful)
            {
                recorder.Unexpect($"{operation} {path}: the replay of key {key} answered {replay?.Status} (replayed: {replay?.Replayed}) instead of the stored {answer.Status}");
            }
        }

        return (answer, key);
    }

    /// <summary>One request; <c>null</c> when <paramref name="timeout"/> passed first (counted as a deliberately lost answer).</summary>
    public async Task<ApiAnswer?> SendAsync(
        LoadRecorder? recorder, string operation, bool isWrite, string client, HttpMethod method, string path, string? json, string? contentType, string? key, string? ifMatch,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(app.BaseAddress!, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[client]);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(Idempotency.HeaderName, key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType!);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            var body = await response.Content.ReadAsStringAsync(limit.Token);
            var answer = new ApiAnswer(
                (int)response.StatusCode,
                body,
                response.Headers.Location?.OriginalString,
                response.Headers.ETag?.ToString(),
                response.Headers.TryGetValues(Idempotency.ReplayedHeaderName, out var replayed) && replayed.Contains("true"));
            recorder?.Sample(new RequestSample(operation, isWrite, answer.Status, clock.Elapsed.TotalMilliseconds, answer.Replayed));
            if (answer.Status is >= 200 and < 300 && !answer.Replayed)
            {
                var elapsed = clock.Elapsed.TotalMilliseconds;
                _typical.AddOrUpdate(operation, elapsed, (_, typical) => (0.9 * typical) + (0.1 * elapsed));
            }

            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout < NormalTimeout)
        {
            recorder?.Sample(new RequestSample(operation, isWrite, -1, clock.Elapsed.TotalMilliseconds, Replayed: false));
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            recorder?.Sample(new RequestSample(operation, isWrite, 0, clock.Elapsed.TotalMilliseconds, Replayed: false));
            recorder?.Unexpect($"{operation} {method} {path}: {exception.GetType().Name} {exception.Message}");
            return new ApiAnswer(0, exception.Message, null, null, false);
        }
    }

    /// <summary>The maximum bulk batch to the VCO as orafin, for one day; how long it took and what came back (none when the app died).</summary>
    public async Task<BulkSend> BulkAsync(IReadOnlyList<string> organisations, DateOnly day, string key, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new { category = "dab", validFrom = day, validTo = day, organisations }, ApiJson.Options);
        var clock = Stopwatch.StartNew();
        var answer = await SendAsync(null, "kill-batch", isWrite: true, "orafin", HttpMethod.Post, $"/api/v1/application-domains/{ReferenceCatalogue.Vco}/assignments/bulk",
            json, "application/json", key, ifMatch: null, TimeSpan.FromMinutes(2), cancellationToken);
        return new BulkSend(answer is { Status: > 0 } ? answer : null, clock.Elapsed.TotalMilliseconds);
    }

}

/// <summary>A bulk batch sent: its answer (<c>null</c> when the connection died with the app) and how long it took.</summary>
internal sealed record BulkSend(ApiAnswer? Answer, double Milliseconds)
{
    public string Describe(ApiAnswer? retry) => retry is null
        ? "no answer"
        : $"{retry.Status}{(retry.Replayed ? " (replayed)" : string.Empty)}{(retry.Status >= 400 ? " " + ProblemType(retry.Body) : string.Empty)}";

    private static string ProblemType(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("type", out var type) ? type.GetString()?.Replace(ApiProblems.TypePrefix, string.Empty, StringComparison.Ordinal) ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
