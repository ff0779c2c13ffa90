using System.Collections.Concurrent;
using System.Globalization;

namespace OrganisationRegistry.Tests.Reliability;

/// <summary>One request of the load: what it was, how it was answered, how long it took.</summary>
internal sealed record RequestSample(string Operation, bool IsWrite, int Status, double Milliseconds, bool Replayed);

/// <summary>
/// A write the register confirmed (2xx, first answer of its key): what it created or changed, so that the proofs can
/// look for it in the database and in the audit trail.
/// </summary>
/// <param name="Kind">create-organisation, patch-organisation, create-key, assign, change-assignment, end-assignment, bulk-assign.</param>
/// <param name="Client">The API client that wrote it (the audit trail's actor).</param>
/// <param name="Key">Its <c>Idempotency-Key</c>.</param>
/// <param name="Ovo">The organisation it is about.</param>
/// <param name="EntityId">The id of the key or assignment (null for organisations: the OVO code names them).</param>
/// <param name="Version">The version the answer gave (ETag), 0 when none.</param>
/// <param name="Name">For a created organisation: its name (unique per key, so duplicates can be counted).</param>
/// <param name="Batch">For a bulk row: the batch (all its rows share one correlation id).</param>
internal sealed record ConfirmedWrite(string Kind, string Client, string Key, string Ovo, Guid? EntityId, long Version, string? Name = null, string? Batch = null);

/// <summary>Everything the load saw, from many writers and readers at once.</summary>
internal sealed class LoadRecorder
{
    private readonly ConcurrentQueue<RequestSample> _samples = new();
    private readonly ConcurrentQueue<ConfirmedWrite> _writes = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private long _replaysSent;
    private long _replaysFaithful;
    private long _lostResponses;
    private long _lostThenReplayed;
    private long _retriesInProgress;

    public IReadOnlyCollection<RequestSample> Samples => _samples;

    public IReadOnlyCollection<ConfirmedWrite> Writes => _writes;

    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public long ReplaysSent => Interlocked.Read(ref _replaysSent);

    public long ReplaysFaithful => Interlocked.Read(ref _replaysFaithful);

    public long LostResponses => Interlocked.Read(ref _lostResponses);

    public long RetriesInProgress => Interlocked.Read(ref _retriesInProgress);

    /// <summary>Lost answers whose retry got the stored answer of the first request (it had written).</summary>
    public long LostThenReplayed => Interlocked.Read(ref _lostThenReplayed);

    public void Sample(RequestSample sample) => _samples.Enqueue(sample);

    public void Confirmed(ConfirmedWrite write) => _writes.Enqueue(write);

    public void Replay(bool faithful)
    {
        Interlocked.Increment(ref _replaysSent);
        if (faithful)
        {
            Interlocked.Increment(ref _replaysFaithful);
        }
    }

    public void LostResponse(bool retryReplayed)
    {
        Interlocked.Increment(ref _lostResponses);
        if (retryReplayed)
        {
            Interlocked.Increment(ref _lostThenReplayed);
        }
    }

    public void RetryInProgress() => Interlocked.Increment(ref _retriesInProgress);

    public void Unexpect(string what)
    {
        if (_unexpected.Count < 200)
        {
            _unexpected.Enqueue(what);
        }
    }

    public static string Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "-";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50),7:0.0} ms  p95 {At(0.95),7:0.0} ms  p99 {At(0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms");
    }
}
