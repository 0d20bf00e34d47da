using System.Collections.Concurrent;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the token bucket, many threads: real contention on one bucket with exact accounting, a race forced
/// by a clock that acts when it is read, and CsCheck's linearizability check (parallel operations whose outcome
/// must match some sequential order on the exact model).
/// </summary>
[Stage(3)]
public sealed class TokenBucketConcurrencyTests
{
    [Fact(Timeout = 30_000)]
    public async Task Threads_draining_a_full_bucket_get_exactly_its_capacity_between_them()
    {
        const int Threads = 4;
        const int Capacity = 20_000;
        for (int round = 0; round < 40; round++)
        {
            var bucket = new TokenBucket(Capacity, 1, TimeSpan.FromHours(1), new FakeTimeProvider());
            var granted = new int[Threads];

            await TestThreads.RunTogetherAsync(Threads, thread =>
            {
                while (bucket.TryAcquire())
                {
                    granted[thread]++;
                }
            }, TestContext.Current.CancellationToken);

            granted.Sum().Should().Be(Capacity, $"in round {round + 1}, no two threads may spend the same token and none may be lost");
            bucket.AvailableTokens.Should().Be(0);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Threads_hammering_while_time_advances_get_capacity_plus_rate_times_elapsed_and_never_more()
    {
        const int Threads = 4;
        const int Capacity = 50;
        const int Steps = 20_000;
        var time = new FakeTimeProvider();

        // 1,000 tokens a second: one token per millisecond step.
        var bucket = new TokenBucket(Capacity, 1_000, TimeSpan.FromSeconds(1), time);
        var granted = new long[Threads];
        long grantedSoFar = 0;
        bool stop = false;

        Task workers = TestThreads.RunTogetherAsync(Threads, thread =>
        {
            var random = new Random(thread);
            while (!Volatile.Read(ref stop))
            {
                int tokens = random.Next(1, 4);
                if (bucket.TryAcquire(tokens))
                {
                    granted[thread] += tokens;
                    Interlocked.Add(ref grantedSoFar, tokens);
                }
                else
                {
                    // Let the clock's thread run: on a loaded machine, four threads spinning on an empty bucket
                    // can starve it, and twenty thousand steps then outlast the timeout. Demand stays above supply.
                    Thread.Yield();
                }
            }
        }, TestContext.Current.CancellationToken);

        for (int step = 1; step <= Steps && !workers.IsCompleted; step++)
        {
            // Keep demand above supply: never let the bucket fill up, or refill would overflow and be lost.
            SpinWait.SpinUntil(() => bucket.AvailableTokens < Capacity / 2 || workers.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(1));
            long bound = Capacity + step;
            long sofar = Interlocked.Read(ref grantedSoFar);
            if (sofar > bound)
            {
                sofar.Should().BeLessThanOrEqualTo(bound, $"after {step} ms the bucket may have granted at most capacity + rate × elapsed");
            }
        }

        Volatile.Write(ref stop, true);
        await workers;

        // Demand exceeded supply all along, so whatever is left is what the threads had no chance to take.
        long leftOver = 0;
        while (bucket.TryAcquire())
        {
            leftOver++;
        }

        (granted.Sum() + leftOver).Should().Be(Capacity + Steps,
            "capacity + rate × elapsed tokens were made, and every one was granted exactly once");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_request_refused_after_losing_a_race_reports_the_wait_from_the_moment_it_lost()
    {
        // One token, back one second after it is taken. It was taken at 0 s, so at 1 s the bucket is full.
        var clock = new InterleavingClock();
        var bucket = new TokenBucket(1, 1, TimeSpan.FromSeconds(1), clock);
        bucket.TryAcquire().Should().BeTrue();
        clock.Time.Advance(TimeSpan.FromSeconds(1));

        // Our request reads 1 s; before it goes on, the clock moves to 2 s and another thread takes the token.
        Task<bool>? rival = null;
        clock.InterruptNextReadOnThisThread(() =>
        {
            clock.Time.Advance(TimeSpan.FromSeconds(1));
            (var thread, rival) = TestThreads.Start("rival request", () => bucket.TryAcquire());

            // A bucket that holds a lock while it reads the clock makes the rival wait for that lock; then the
            // rival goes second, and both requests succeed. Waiting here, until the rival has finished or is
            // blocked, only decides which order is tested.
            TestThreads.WaitUntilBlocked(thread);
        });

        bool granted = bucket.TryAcquire(1, out TimeSpan retryAfter);
        bool rivalGranted = await rival!.ShouldFinish("the rival TryAcquire", TestContext.Current.CancellationToken);

        rivalGranted.Should().BeTrue("at 2 s the rival finds the bucket full, or refilled after our request took the token at 1 s");
        if (!granted)
        {
            // Refused, so it took effect after the rival's take at 2 s, when the token was due back at 3 s. A
            // refusal computed from the state after the rival but the clock before it would say 2 s.
            retryAfter.Should().Be(
                TimeSpan.FromSeconds(1),
                "a refusal must describe one moment: the state it saw and a clock reading taken while that state held");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Parallel_operations_are_linearizable()
    {
        // SampleParallel runs its own threads and blocks; run it aside so that the timeout can end the test.
        await Task.Run(CheckLinearizability, TestContext.Current.CancellationToken).WaitAsync(TestContext.Current.CancellationToken);
    }

    private static void CheckLinearizability()
    {
        Gen.Const(() => (new TokenBucketParallelActual(), new TokenBucketParallelModel()))
            .SampleParallel(
                [
                    Gen.Int[1, 3].Operation<TokenBucketParallelActual, TokenBucketParallelModel>(
                        tokens => $"TryAcquire({tokens})",
                        (actual, tokens) => actual.Record($"TryAcquire({tokens}) = {actual.Bucket.TryAcquire(tokens)}"),
                        (model, tokens) => model.Record($"TryAcquire({tokens}) = {model.Bucket.TryAcquire(tokens).Granted}")),
                    Gen.Int[1, 3].Operation<TokenBucketParallelActual, TokenBucketParallelModel>(
                        tokens => $"TryAcquire({tokens}, out retryAfter)",
                        (actual, tokens) => actual.Record(
                            $"TryAcquire({tokens}, out) = {actual.Bucket.TryAcquire(tokens, out TimeSpan retryAfter)}, {retryAfter.Ticks}"),
                        (model, tokens) => model.RecordTryAcquireWithRetryAfter(tokens)),
                    Gen.Int[1, 250].Operation<TokenBucketParallelActual, TokenBucketParallelModel>(
                        milliseconds => $"Advance({milliseconds} ms)",
                        (actual, milliseconds) => actual.Time.Advance(TimeSpan.FromMilliseconds(milliseconds)),
                        (model, milliseconds) => model.Bucket.Move(TimeSpan.FromMilliseconds(milliseconds).Ticks)),
                    Gen.Operation<TokenBucketParallelActual, TokenBucketParallelModel>(
                        "AvailableTokens",
                        actual => actual.Record($"AvailableTokens = {actual.Bucket.AvailableTokens}"),
                        model => model.Record($"AvailableTokens = {model.Bucket.AvailableTokens}")),
                ],
                equal: (actual, model) => actual.Bucket.AvailableTokens == model.Bucket.AvailableTokens
                    && actual.Results.Order(StringComparer.Ordinal).SequenceEqual(model.Results.Order(StringComparer.Ordinal)),
                maxSequentialOperations: 4,
                maxParallelOperations: 4,
                iter: TestEffort.Rounds(1_000),
                printActual: actual => $"AvailableTokens = {actual.Bucket.AvailableTokens}; {string.Join("; ", actual.Results.Order(StringComparer.Ordinal))}",
                printModel: model => $"AvailableTokens = {model.Bucket.AvailableTokens}; {string.Join("; ", model.Results.Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// A fake clock that can interrupt one thread's next reading: the action runs after the time is read and
    /// before the reader goes on, so that the test can move the world on while the reader holds a stale time.
    /// </summary>
    private sealed class InterleavingClock : TimeProvider
    {
        private Action? _interruption;
        private int _interruptedThread;

        public FakeTimeProvider Time { get; } = new();

        public override long TimestampFrequency => Time.TimestampFrequency;

        public void InterruptNextReadOnThisThread(Action interruption)
        {
            _interruptedThread = Environment.CurrentManagedThreadId;
            _interruption = interruption;
        }

        public override long GetTimestamp()
        {
            long now = Time.GetTimestamp();
            if (_interruption is { } interruption && Environment.CurrentManagedThreadId == _interruptedThread)
            {
                _interruption = null;
                interruption();
            }

            return now;
        }
    }

    /// <summary>The bucket under test, its clock, and what each operation returned (in no particular order).</summary>
    internal sealed class TokenBucketParallelActual
    {
        public FakeTimeProvider Time { get; } = new();

        public TokenBucket Bucket { get; }

        public ConcurrentQueue<string> Results { get; } = new();

        public TokenBucketParallelActual() => Bucket = new TokenBucket(3, 10, TimeSpan.FromSeconds(1), Time);

        public void Record(string result) => Results.Enqueue(result);
    }

    /// <summary>The model run sequentially in one candidate order, and what each operation returned.</summary>
    internal sealed class TokenBucketParallelModel
    {
        public TokenBucketModel Bucket { get; } = new(3, 10, TimeSpan.FromSeconds(1));

        public List<string> Results { get; } = [];

        public void Record(string result) => Results.Add(result);

        public void RecordTryAcquireWithRetryAfter(int tokens)
        {
            var (granted, retryAfter) = Bucket.TryAcquire(tokens);
            Record($"TryAcquire({tokens}, out) = {granted}, {retryAfter.Ticks}");
        }
    }
}
