using System.Globalization;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// A token bucket too simple to be wrong, on a clock of any frequency that it is told how far to move: the level
/// is kept in integer units in which one token is <c>refillPeriod.Ticks × frequency</c> units and every clock
/// tick adds <c>refillTokens × TimeSpan.TicksPerSecond</c>, so nothing is ever rounded. Every call reads the clock;
/// a reading earlier than the latest one adds nothing and takes nothing.
/// </summary>
internal sealed class TokenBucketModel
{
    private readonly Int128 _unitsPerToken;
    private readonly Int128 _unitsPerTick;
    private readonly Int128 _full;

    // Units per TimeSpan tick: refillTokens × frequency.
    private readonly Int128 _unitsPerTimeSpanTick;

    // The tokens at the latest reading, in units.
    private Int128 _level;

    // The clock now, and the latest reading any call made, in ticks since the start.
    private long _clock;
    private long _latest;

    /// <summary>Initializes a full bucket.</summary>
    /// <param name="capacity">The most tokens it holds.</param>
    /// <param name="refillTokens">The tokens it gains per period.</param>
    /// <param name="refillPeriod">The period.</param>
    /// <param name="frequency">The clock's ticks a second.</param>
    public TokenBucketModel(int capacity, int refillTokens, TimeSpan refillPeriod, long frequency = TimeSpan.TicksPerSecond)
    {
        _unitsPerToken = (Int128)refillPeriod.Ticks * frequency;
        _unitsPerTick = (Int128)refillTokens * TimeSpan.TicksPerSecond;
        _full = _unitsPerToken * capacity;
        _unitsPerTimeSpanTick = (Int128)refillTokens * frequency;
        _level = _full;
    }

    /// <summary>
    /// The model test of the bucket, declared once: random moves of the clock (forward, and back too when the
    /// setup says so) and random requests, with and without a retry-after, and the available tokens compared
    /// after every step.
    /// </summary>
    public static ModelTest<Setup, ClockedBucket, TokenBucketModel> Test { get; } = new(
        setup => new ClockedBucket(setup),
        setup => new TokenBucketModel(setup.Capacity, setup.RefillTokens, setup.RefillPeriod, setup.Frequency),
        Steps)
    {
        Invariant = (subject, model) =>
        {
            int actual = subject.Bucket.AvailableTokens;
            int expected = model.AvailableTokens;
            return actual == expected ? null : $"AvailableTokens is {actual}, but the model holds {expected}";
        },
        DescribeConfig = setup => setup.ToString(),
    };

    /// <summary>Gets the whole tokens now.</summary>
    public int AvailableTokens
    {
        get
        {
            Read();
            return (int)(_level / _unitsPerToken);
        }
    }

    /// <summary>Moves the clock.</summary>
    /// <param name="ticks">How many ticks; negative moves it back.</param>
    public void Move(long ticks) => _clock += ticks;

    /// <summary>Takes the tokens if they are all there.</summary>
    /// <param name="tokens">How many.</param>
    /// <returns>Whether they were taken, and otherwise the exact wait, rounded up to a TimeSpan tick.</returns>
    public (bool Granted, TimeSpan RetryAfter) TryAcquire(int tokens)
    {
        long behind = Read();
        Int128 cost = tokens * _unitsPerToken;
        if (_level >= cost)
        {
            _level -= cost;
            return (true, TimeSpan.Zero);
        }

        // The clock must get back to the latest reading before anything refills.
        Int128 missing = cost - _level + (behind * _unitsPerTick);
        return (false, TimeSpan.FromTicks((long)((missing + _unitsPerTimeSpanTick - 1) / _unitsPerTimeSpanTick)));
    }

    // Reads the clock: refills up to it if it is past the latest reading, else says how far behind it is.
    private long Read()
    {
        if (_clock < _latest)
        {
            return _latest - _clock;
        }

        _level = Int128.Min(_full, _level + ((_clock - _latest) * _unitsPerTick));
        _latest = _clock;
        return 0;
    }

    private static Gen<ModelStep<ClockedBucket, TokenBucketModel>> Steps(Setup setup)
    {
        // A token's refill interval in clock ticks, rounded up: moves are sized by it, so every rate sees partial tokens.
        long tokenTicks = (long)((Int128)setup.RefillPeriod.Ticks * setup.Frequency / TimeSpan.TicksPerSecond / setup.RefillTokens) + 1;
        var forward = Gen.Frequency(
            (30, Gen.Long[0, 2 * tokenTicks]),
            (2, Gen.Long[0, 2 * tokenTicks * setup.Capacity]),
            (3, Gen.Long[0, 30]),
            (3, Gen.Long[0, 3 * setup.Frequency]));
        var back = Gen.Frequency((8, Gen.Long[1, 2 * tokenTicks]), (2, Gen.Long[1, 30])).Select(ticks => -ticks);
        var moves = setup.StepsBack ? Gen.Frequency((4, forward), (1, back)) : forward;
        var tokens = Gen.Frequency((1, Gen.Int[1, Math.Min(2, setup.Capacity)]), (1, Gen.Int[1, setup.Capacity]));
        return Gen.Frequency(
            (40, moves.Select(ticks => ModelStep.Does<ClockedBucket, TokenBucketModel>(
                $"Move({ticks} ticks)", subject => subject.Move(ticks), model => model.Move(ticks)))),
            (50, tokens.Select(count => ModelStep.Returns<ClockedBucket, TokenBucketModel, (bool, TimeSpan)>(
                $"TryAcquire({count}, out retryAfter)", subject => subject.TryAcquire(count), model => model.TryAcquire(count)))),
            (10, Gen.Int[1, setup.Capacity].Select(count => ModelStep.Returns<ClockedBucket, TokenBucketModel, bool>(
                $"TryAcquire({count})", subject => subject.Bucket.TryAcquire(count), model => model.TryAcquire(count).Granted))));
    }

    /// <summary>What a run of the model test is set up with.</summary>
    /// <param name="Capacity">The bucket's capacity.</param>
    /// <param name="RefillTokens">The tokens it gains per period.</param>
    /// <param name="RefillPeriod">The period.</param>
    /// <param name="Frequency">The clock's ticks a second.</param>
    /// <param name="StepsBack">Whether the clock also moves back.</param>
    internal sealed record Setup(int Capacity, int RefillTokens, TimeSpan RefillPeriod, long Frequency = TimeSpan.TicksPerSecond, bool StepsBack = false)
    {
        /// <inheritdoc/>
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"new TokenBucket({Capacity}, {RefillTokens}, {RefillPeriod.TotalMilliseconds} ms) on a clock of {Frequency:N0} ticks a second{(StepsBack ? " that also steps back" : "")}");
    }

    /// <summary>A bucket under test and the clock it reads.</summary>
    internal sealed class ClockedBucket
    {
        // Moves the clock by a number of ticks, forward or back.
        private readonly Action<long> _move;

        /// <summary>Initializes a bucket as the setup says, on a clock of its frequency.</summary>
        /// <param name="setup">The setup.</param>
        public ClockedBucket(Setup setup)
        {
            (var clock, _move) = TokenBucketClock.Make(setup.Frequency);
            Bucket = new TokenBucket(setup.Capacity, setup.RefillTokens, setup.RefillPeriod, clock);
        }

        /// <summary>Gets the bucket.</summary>
        public TokenBucket Bucket { get; }

        /// <summary>Moves the clock.</summary>
        /// <param name="ticks">How many ticks; negative moves it back.</param>
        public void Move(long ticks) => _move(ticks);

        /// <summary>Asks for tokens with a retry-after.</summary>
        /// <param name="tokens">How many.</param>
        /// <returns>Whether they were granted, and the retry-after.</returns>
        public (bool, TimeSpan) TryAcquire(int tokens)
        {
            bool granted = Bucket.TryAcquire(tokens, out TimeSpan retryAfter);
            return (granted, retryAfter);
        }
    }
}
