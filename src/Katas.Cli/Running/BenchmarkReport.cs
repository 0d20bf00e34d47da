using System.Text.Json;

namespace Katas.Cli.Running;

/// <summary>One measured case of a benchmark: an implementation under one set of parameters.</summary>
/// <param name="Method">The benchmark method, named for the implementation (<c>Attempt</c>, <c>Reference</c>, a peer).</param>
/// <param name="Parameters">The parameter values, such as <c>Keys=Zipf</c>; empty when the class has none.</param>
/// <param name="MeanNanoseconds">The mean time per operation, or <see langword="null"/> when the case failed.</param>
/// <param name="BytesPerOperation">The bytes allocated per operation, or <see langword="null"/> when unknown.</param>
internal sealed record BenchmarkCase(string Method, string Parameters, double? MeanNanoseconds, double? BytesPerOperation);

/// <summary>Reads BenchmarkDotNet's JSON reports.</summary>
internal static class BenchmarkReport
{
    /// <summary>Reads every case of every JSON report in a results folder.</summary>
    /// <param name="resultsFolder">BenchmarkDotNet's <c>results</c> folder.</param>
    /// <returns>The cases, in report order.</returns>
    public static IReadOnlyList<BenchmarkCase> Read(string resultsFolder)
    {
        var cases = new List<BenchmarkCase>();
        if (!Directory.Exists(resultsFolder))
        {
            return cases;
        }

        foreach (string file in Directory.GetFiles(resultsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                double? mean = benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
                    ? statistics.GetProperty("Mean").GetDouble()
                    : null;
                double? bytes = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    && memory.TryGetProperty("BytesAllocatedPerOperation", out var allocated) && allocated.ValueKind == JsonValueKind.Number
                        ? allocated.GetDouble()
                        : null;
                cases.Add(new BenchmarkCase(
                    benchmark.GetProperty("Method").GetString() ?? "",
                    benchmark.TryGetProperty("Parameters", out var parameters) ? parameters.GetString() ?? "" : "",
                    mean,
                    bytes));
            }
        }

        return cases;
    }
}
