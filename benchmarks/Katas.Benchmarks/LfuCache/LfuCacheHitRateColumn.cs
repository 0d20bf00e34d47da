using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Katas.Benchmarks;

/// <summary>
/// A summary column with each row's hit rate on its stream, computed in the host process by
/// <see cref="LfuCacheBenchmarks.HitRate"/>: speed means little without what the policy keeps.
/// </summary>
public sealed class LfuCacheHitRateColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(LfuCacheHitRateColumn);

    /// <inheritdoc/>
    public string ColumnName => "Hit rate";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Hits over gets on a second pass over the stream, after the warm-up pass";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var keys = (KeyDistribution)benchmarkCase.Parameters[nameof(LfuCacheBenchmarks.Keys)];
        try
        {
            double rate = LfuCacheBenchmarks.HitRate(benchmarkCase.Descriptor.WorkloadMethod.Name, keys);
            return rate.ToString("P1", CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An unsolved or broken attempt: its row reports NA everywhere else too, and the summary must still print.
            return "NA";
        }
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
