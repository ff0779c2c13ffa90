namespace OrganisationRegistry.Domain.Seeding;

/// <summary>
/// A small deterministic random generator (SplitMix64). Its own so that a random seed gives the same data on every
/// runtime version and machine, which <see cref="Random"/> does not promise.
/// </summary>
public sealed class SeedRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A date in [<paramref name="from"/>, <paramref name="to"/>]; <paramref name="from"/> when the range is empty.</summary>
    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A small count, most often low: the number of children of an organisation, for example.</summary>
    public int Skewed(int maxInclusive) => maxInclusive <= 0 ? 0 : (int)Math.Floor(Math.Pow(NextDouble(), 2.2) * (maxInclusive + 1));
}
