using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Cli.Running;

/// <summary>
/// How far along a BenchmarkDotNet run is, read from its console output: how many cases it found, which one it is
/// measuring, and an estimate of the time left from the pace of the cases so far.
/// </summary>
/// <param name="time">The clock, which tests replace.</param>
internal sealed partial class BenchProgress(TimeProvider time)
{
    // When the first case started, for the pace.
    private DateTimeOffset? _firstStarted;

    /// <summary>Gets how many cases the run found, or 0 before it says.</summary>
    public int Total { get; private set; }

    /// <summary>Gets how many cases have started.</summary>
    public int Started { get; private set; }

    /// <summary>Gets the case being measured, such as <c>LruCacheBenchmarks.Attempt [Keys=Zipf]</c>.</summary>
    public string? Current { get; private set; }

    /// <summary>Gets the share of the cases done, from 0 to 1.</summary>
    public double Fraction => Total == 0 ? 0 : Math.Clamp((Started - 1) / (double)Total, 0, 1);

    /// <summary>Takes one line of BenchmarkDotNet's output.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Whether the line moved the progress on.</returns>
    public bool Read(string line)
    {
        if (FoundLine().Match(line) is { Success: true } found)
        {
            Total = int.Parse(found.Groups["count"].Value, CultureInfo.InvariantCulture);
            return true;
        }

        if (CaseLine().Match(line) is { Success: true } benchmark)
        {
            _firstStarted ??= time.GetUtcNow();
            Started++;
            string parameters = benchmark.Groups["parameters"].Success ? " " + benchmark.Groups["parameters"].Value : "";
            Current = benchmark.Groups["name"].Value + parameters;
            return true;
        }

        return false;
    }

    /// <summary>Estimates the time left: the average time of the cases done so far, times the cases still to go.</summary>
    /// <returns>The estimate, or <see langword="null"/> before a case has finished.</returns>
    public TimeSpan? Remaining()
    {
        int done = Started - 1;
        if (_firstStarted is not { } first || done <= 0 || Total == 0)
        {
            return null;
        }

        var perCase = (time.GetUtcNow() - first) / done;
        return perCase * Math.Max(0, Total - done);
    }

    /// <summary>Describes the progress in one line: the case, how many of how many, and the time left.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        string left = Remaining() is { } remaining ? string.Create(CultureInfo.InvariantCulture, $", about {Math.Ceiling(remaining.TotalSeconds):0} s left") : "";
        return Total == 0 ? "building the benchmark..." : $"{Current ?? "starting"} ({Math.Max(Started, 1)} of {Total}{left})";
    }

    [GeneratedRegex(@"^// \*+ Found (?<count>\d+) benchmark\(s\) in total")]
    private static partial Regex FoundLine();

    // "// Benchmark: LruCacheBenchmarks.Attempt: Job-X(Toolchain=...) [Keys=Zipf]"
    [GeneratedRegex(@"^// Benchmark: (?<name>[^:]+): .*?(?:\s(?<parameters>\[[^\]]*\]))?\s*$")]
    private static partial Regex CaseLine();
}
