using System.Text.RegularExpressions;

namespace Katas.Cli.Engine;

/// <summary>
/// Reads what a dead test process wrote on its standard error, to name what killed it: a stack overflow and the
/// attempt's method that recursed, memory that ran out, or an exception nothing caught.
/// </summary>
internal static partial class CrashReport
{
    /// <summary>Names what ended a test process early.</summary>
    /// <param name="exitCode">The process's exit code.</param>
    /// <param name="errors">What it wrote on standard error.</param>
    /// <param name="attemptAssembly">The attempt's compiled assembly, for the lines of its methods.</param>
    /// <param name="relative">Makes a path the way the learner sees it.</param>
    /// <returns>The problem.</returns>
    public static RunProblem Describe(int exitCode, string errors, string attemptAssembly, Func<string, string> relative)
    {
        if (errors.Contains("Stack overflow.", StringComparison.Ordinal))
        {
            string where = FirstAttemptFrame(errors) is { } frame ? $" in {Place(frame, attemptAssembly, relative)}" : "";
            return new RunProblem(RunProblemKind.Crashed, $"the test process crashed: stack overflow{where}");
        }

        if (errors.Contains("OutOfMemoryException", StringComparison.Ordinal) || errors.Contains("Out of memory.", StringComparison.Ordinal))
        {
            return new RunProblem(RunProblemKind.OutOfMemory, $"the test process ran out of memory: its heap is capped at {TestRunner.HeapLimitDescription}");
        }

        if (UnhandledException().Match(errors) is { Success: true } unhandled)
        {
            string where = FirstAttemptFrame(errors) is { } frame ? $" in {Place(frame, attemptAssembly, relative)}" : "";
            return new RunProblem(RunProblemKind.Crashed, $"the test process crashed: {unhandled.Groups["exception"].Value.Trim()}{where}");
        }

        return exitCode switch
        {
            134 => new RunProblem(RunProblemKind.Crashed, "the test process crashed (it aborted, exit code 134)"),
            137 => new RunProblem(RunProblemKind.Crashed, "the test process was killed (exit code 137: out of memory, or a signal)"),
            139 => new RunProblem(RunProblemKind.Crashed, "the test process crashed (a segmentation fault, exit code 139)"),
            _ => new RunProblem(RunProblemKind.ExitedEarly, $"the test process exited with code {exitCode} before the tests had finished"),
        };
    }

    // The first frame of the attempt's code: a Katas type that is not a test's.
    private static (string Type, string Method, string Text, string? Location)? FirstAttemptFrame(string errors)
    {
        foreach (Match match in Frame().Matches(errors))
        {
            string type = match.Groups["type"].Value;
            if (type.StartsWith("Katas.", StringComparison.Ordinal) && !type.StartsWith("Katas.Tests.", StringComparison.Ordinal))
            {
                string location = match.Groups["file"].Success ? $"{match.Groups["file"].Value}:{match.Groups["line"].Value}" : null!;
                return (Regex.Replace(type, @"\[\[.*\]\]", ""), match.Groups["method"].Value, match.Value, location);
            }
        }

        return null;
    }

    private static string Place((string Type, string Method, string Text, string? Location) frame, string attemptAssembly, Func<string, string> relative)
    {
        string shortType = frame.Type[(frame.Type.LastIndexOf('.') + 1)..];
        int arity = shortType.IndexOf('`', StringComparison.Ordinal);
        string name = $"{(arity < 0 ? shortType : shortType[..arity])}.{frame.Method}";
        if (frame.Location is { } location)
        {
            int colon = location.LastIndexOf(':');
            return $"{name} ({relative(location[..colon])}:{location[(colon + 1)..]})";
        }

        return SourceLocator.Find(attemptAssembly, frame.Type, frame.Method) is { } source ? $"{name} ({relative(source.File)}:{source.Line})" : name;
    }

    // "   at Katas.MinStack`1[[System.Int32, ...]].Push(Int32)" or "   at Katas.X.Y(...) in /path/File.cs:line 12"
    [GeneratedRegex(@"at (?<type>Katas(?:\.[\w`]+)+(?:\+[\w`]+)*(?:\[\[.*?\]\])?)\.(?<method>\.?[\w<>`$|]+)\([^)\r\n]*\)(?: in (?<file>.+?):line (?<line>\d+))?")]
    private static partial Regex Frame();

    [GeneratedRegex(@"Unhandled exception\.\s*(?<exception>[^\r\n]+)")]
    private static partial Regex UnhandledException();
}
