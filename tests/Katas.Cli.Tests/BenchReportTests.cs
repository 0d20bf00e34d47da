using Katas.Cli.Running;

namespace Katas.Cli.Tests;

public sealed class BenchReportTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("kata-bench-results-").FullName;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public void Cases_are_read_from_benchmarkdotnet_json_with_failed_ones_kept_as_missing()
    {
        File.WriteAllText(Path.Combine(_results, "Katas.Benchmarks.LruCacheBenchmarks-report-full-compressed.json"), """
            {"Title":"t","Benchmarks":[
              {"Method":"Attempt","Parameters":"Keys=Zipf","Statistics":null,"Memory":{"BytesAllocatedPerOperation":null}},
              {"Method":"Reference","Parameters":"Keys=Zipf","Statistics":{"Mean":16.25},"Memory":{"BytesAllocatedPerOperation":0}},
              {"Method":"ClassicLru","Parameters":"Keys=Zipf","Statistics":{"Mean":60.0},"Memory":{"BytesAllocatedPerOperation":21}}
            ]}
            """);

        var cases = BenchmarkReport.Read(_results);

        cases.Should().Equal(
            new BenchmarkCase("Attempt", "Keys=Zipf", null, null),
            new BenchmarkCase("Reference", "Keys=Zipf", 16.25, 0),
            new BenchmarkCase("ClassicLru", "Keys=Zipf", 60.0, 21));
    }

    [Fact]
    public void A_missing_results_folder_gives_no_cases()
    {
        BenchmarkReport.Read(Path.Combine(_results, "nothing-here")).Should().BeEmpty();
    }
}

public sealed class BenchRenderingTests
{
    private static readonly Katas.Catalogue.Kata Lru = Katas.Catalogue.KataCatalogue.Find("lru-cache")!;

    [Fact]
    public void Times_are_shown_as_ratios_to_the_reference_with_a_verdict()
    {
        var console = Runner.NewConsole();
        BenchmarkCase[] cases =
        [
            new("Attempt", "Keys=Zipf", 40, 24),
            new("Reference", "Keys=Zipf", 20, 0),
            new("ClassicLru", "Keys=Zipf", 60, 21),
        ];

        bool ran = Commands.BenchCommand.Render(console, Lru, cases);

        ran.Should().BeTrue();
        console.Output.Should().Contain("2.00x").And.Contain("1.00x").And.Contain("3.00x")
            .And.Contain("within 2x of the reference").And.Contain("24 B");
    }

    [Fact]
    public void An_attempt_that_did_not_run_fails_its_row_and_the_verdict()
    {
        var console = Runner.NewConsole();
        BenchmarkCase[] cases =
        [
            new("Attempt", "Keys=Zipf", null, null),
            new("Reference", "Keys=Zipf", 20, 0),
        ];

        bool ran = Commands.BenchCommand.Render(console, Lru, cases);

        ran.Should().BeFalse();
        console.Output.Should().Contain("failed").And.Contain("did not run").And.Contain("1.00x");
    }
}
