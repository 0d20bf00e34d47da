using Katas.Cli.Running;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Cli.Tests;

/// <summary>How far along a benchmark run is, read from BenchmarkDotNet's output: the case measured and the time left.</summary>
public sealed class BenchProgressTests
{
    [Fact]
    public void The_progress_counts_the_cases_and_estimates_the_time_left_from_their_pace()
    {
        var time = new FakeTimeProvider();
        var progress = new BenchProgress(time);

        progress.Read("// Validating benchmarks:").Should().BeFalse();
        progress.Describe().Should().Be("building the benchmark...");
        progress.Read("// ***** Found 4 benchmark(s) in total *****").Should().BeTrue();
        progress.Read("// Benchmark: LruCacheBenchmarks.Attempt: Job-KOFZTK(Toolchain=InProcessEmitToolchain, IterationCount=5) [Keys=Zipf]").Should().BeTrue();
        progress.Remaining().Should().BeNull("no case has finished yet");
        time.Advance(TimeSpan.FromSeconds(2));
        progress.Read("// Benchmark: LruCacheBenchmarks.Reference: Job-KOFZTK(Toolchain=InProcessEmitToolchain, IterationCount=5) [Keys=Zipf]");
        time.Advance(TimeSpan.FromSeconds(2));
        progress.Read("// Benchmark: LruCacheBenchmarks.Exemplar: Job-KOFZTK(Toolchain=InProcessEmitToolchain, IterationCount=5) [Keys=Uniform]");

        progress.Current.Should().Be("LruCacheBenchmarks.Exemplar [Keys=Uniform]");
        progress.Fraction.Should().Be(0.5);
        progress.Remaining().Should().Be(TimeSpan.FromSeconds(4), "two cases took four seconds, and two are left");
        progress.Describe().Should().Be("LruCacheBenchmarks.Exemplar [Keys=Uniform] (3 of 4, about 4 s left)");
    }

    [Fact]
    public void A_case_without_parameters_is_named_by_its_method_alone()
    {
        var progress = new BenchProgress(new FakeTimeProvider());
        progress.Read("// ***** Found 1 benchmark(s) in total *****");

        progress.Read("// Benchmark: CircularBufferBenchmarks.Reference: DefaultJob");

        progress.Current.Should().Be("CircularBufferBenchmarks.Reference");
    }
}
