using Katas.Cli.Running;

namespace Katas.Cli.Engine;

/// <summary>The end of a compile or a build: whether it succeeded and the errors it reported.</summary>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="Errors">The errors, each once.</param>
/// <param name="Output">The start and end of what it printed, for when the errors alone do not explain a failure.</param>
internal sealed record BuildResult(bool Succeeded, IReadOnlyList<CompilerMessage> Errors, string Output)
{
    /// <summary>Gets a successful result.</summary>
    public static BuildResult Success { get; } = new(true, [], "");

    /// <summary>Describes a process that failed: its compiler errors, or one error saying what went wrong.</summary>
    /// <param name="process">The process.</param>
    /// <param name="what">What it was doing, such as "compiling the attempt".</param>
    /// <returns>The failed result.</returns>
    public static BuildResult Failed(ProcessResult process, string what)
    {
        var errors = CompilerMessage.ParseErrors(process.AllText);
        if (errors.Count == 0 || process.End != ProcessEnd.Exited)
        {
            string reason = process.End switch
            {
                ProcessEnd.TimedOut => $"{what} did not finish in time",
                ProcessEnd.Cancelled => $"{what} was cancelled",
                ProcessEnd.OutputFlood => $"{what} printed more than its output budget",
                _ => $"{what} failed (exit code {process.ExitCode})",
            };
            errors = [.. errors, new CompilerMessage(null, 0, 0, "BUILD", reason)];
        }

        return new BuildResult(false, errors, process.AllText);
    }
}
