extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using AttemptBucket = Attempt::Katas.TokenBucket;
using ExemplarBucket = Exemplar::Katas.TokenBucket;
using ReferenceBucket = Reference::Katas.TokenBucket;

namespace Katas.Benchmarks;

/// <summary>Which answer the bucket gives in a benchmark.</summary>
public enum TokenBucketPath
{
    /// <summary>Every request is granted: a bucket of a million tokens refilling a billion a second.</summary>
    Success,

    /// <summary>Every request is refused: a drained bucket of one token refilling one an hour.</summary>
    Refusal,
}

/// <summary>
/// The token-bucket kata: 65,536 single-token requests per invocation, shared among 1 or 2 threads hammering
/// one bucket, reported per request (with 2 threads, the time for both threads' requests together).
/// Baseline: System.Threading.RateLimiting's TokenBucketRateLimiter.AttemptAcquire, which never reads the
/// clock (a timer or TryReplenish refills it). The exemplar is the kata's own (src/Katas.Answers/TokenBucket/Exemplar),
/// a lock around an exact token level. The floor row reads TimeProvider.System's clock and nothing else, the cost
/// every exact bucket pays once per request.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup].")]
public class TokenBucketBenchmarks
{
    private const int Requests = 1 << 16;

    private BenchmarkWorkers? _workers;
    private TokenBucketRateLimiter? _runtime;

    /// <summary>Gets or sets whether requests are granted or refused.</summary>
    [Params(TokenBucketPath.Success, TokenBucketPath.Refusal)]
    public TokenBucketPath Path { get; set; }

    /// <summary>Gets or sets how many threads share the requests.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        AttemptBucket bucket = Path == TokenBucketPath.Success
            ? new AttemptBucket(1_000_000, 1_000_000_000, TimeSpan.FromSeconds(1))
            : new AttemptBucket(1, 1, TimeSpan.FromHours(1));
        Start(new AttemptRequest(bucket));
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        ReferenceBucket bucket = Path == TokenBucketPath.Success
            ? new ReferenceBucket(1_000_000, 1_000_000_000, TimeSpan.FromSeconds(1))
            : new ReferenceBucket(1, 1, TimeSpan.FromHours(1));
        Start(new ReferenceRequest(bucket));
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        ExemplarBucket bucket = Path == TokenBucketPath.Success
            ? new ExemplarBucket(1_000_000, 1_000_000_000, TimeSpan.FromSeconds(1))
            : new ExemplarBucket(1, 1, TimeSpan.FromHours(1));
        Start(new ExemplarRequest(bucket));
    }

    [GlobalSetup(Target = nameof(RuntimeLimiter))]
    public void SetUpRuntime()
    {
        _runtime = Path == TokenBucketPath.Success
            ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = int.MaxValue,
                TokensPerPeriod = int.MaxValue,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = false,
                QueueLimit = 0,
            })
            : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromHours(1),
                AutoReplenishment = false,
                QueueLimit = 0,
            });
        Start(new RuntimeRequest(_runtime));
    }

    [GlobalSetup(Target = nameof(ClockOnly))]
    public void SetUpClock()
    {
        Start(new ClockRequest(TimeProvider.System));
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _workers?.Dispose();
        _runtime?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public void Attempt() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Requests)]
    public void Reference() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Requests)]
    public void Exemplar() => _workers!.RunRound();

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public void RuntimeLimiter()
    {
        // The runtime limiter refills only by timer or by TryReplenish; once per round is next to free.
        _runtime!.TryReplenish();
        _workers!.RunRound();
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public void ClockOnly() => _workers!.RunRound();

    private void Start<TRequest>(TRequest request)
        where TRequest : struct, ITokenBucketRequest
    {
        bool granted = Path == TokenBucketPath.Success;
        if (!request.Make() && granted)
        {
            throw new InvalidOperationException("The bucket refused a request on the success path.");
        }

        int requests = Requests / Threads;
        _workers = new BenchmarkWorkers(Threads, _ => Loop(request, requests, granted));
    }

    private static void Loop<TRequest>(TRequest request, int requests, bool granted)
        where TRequest : struct, ITokenBucketRequest
    {
        int answered = 0;
        for (int i = 0; i < requests; i++)
        {
            if (request.Make() == granted)
            {
                answered++;
            }
        }

        if (answered != requests && typeof(TRequest) != typeof(ClockRequest))
        {
            throw new InvalidOperationException($"Only {answered} of {requests} requests were {(granted ? "granted" : "refused")}.");
        }
    }

    private readonly struct AttemptRequest(AttemptBucket bucket) : ITokenBucketRequest
    {
        public bool Make() => bucket.TryAcquire();
    }

    private readonly struct ReferenceRequest(ReferenceBucket bucket) : ITokenBucketRequest
    {
        public bool Make() => bucket.TryAcquire();
    }

    private readonly struct ExemplarRequest(ExemplarBucket bucket) : ITokenBucketRequest
    {
        public bool Make() => bucket.TryAcquire();
    }

    private readonly struct RuntimeRequest(TokenBucketRateLimiter limiter) : ITokenBucketRequest
    {
        public bool Make()
        {
            using RateLimitLease lease = limiter.AttemptAcquire(1);
            return lease.IsAcquired;
        }
    }

    private readonly struct ClockRequest(TimeProvider clock) : ITokenBucketRequest
    {
        public bool Make() => clock.GetTimestamp() != 0;
    }
}

/// <summary>One request to a rate limiter; implemented by small structs so the JIT specializes the loop for each.</summary>
public interface ITokenBucketRequest
{
    /// <summary>Asks for one token.</summary>
    /// <returns><see langword="true"/> when it was granted.</returns>
    bool Make();
}
