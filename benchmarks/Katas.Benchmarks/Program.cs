using BenchmarkDotNet.Running;

namespace Katas.Benchmarks;

/// <summary>Runs the benchmarks BenchmarkDotNet's command line selects, for example <c>--filter '*Lru*'</c>.</summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
