using System.Diagnostics;
using System.Globalization;

namespace Katas.Cli.Engine;

/// <summary>
/// Says where a check's time goes, on standard error, when KATA_TIMING=1: the time since the runner's process
/// started and since the check began, at each phase's end. Silent otherwise.
/// </summary>
internal sealed class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("KATA_TIMING") == "1";

    // Since the check began.
    private readonly Stopwatch _check = Stopwatch.StartNew();

    /// <summary>Notes the end of a phase.</summary>
    /// <param name="phase">The phase, such as "compiled".</param>
    public void Mark(string phase)
    {
        if (Enabled)
        {
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"kata: {sinceStart.TotalMilliseconds,6:0} ms since the runner started, {_check.ElapsedMilliseconds,6} ms into the check: {phase}"));
        }
    }
}
