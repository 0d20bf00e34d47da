namespace Katas.Cli.Engine;

/// <summary>How one test ended, or why it did not.</summary>
internal enum TestStatus
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>An assertion or an exception failed it.</summary>
    Failed,

    /// <summary>It ran past its own timeout: the attempt blocked (a deadlock, a lost wake-up).</summary>
    TimedOut,

    /// <summary>It was still running when the run's time limit ran out.</summary>
    Blocked,

    /// <summary>It was running when the test process died.</summary>
    Crashed,

    /// <summary>It never started: the test process died, or was stopped, before it came to it.</summary>
    NotRun,

    /// <summary>Its stage was not run, because an earlier stage failed.</summary>
    NotReached,

    /// <summary>It was skipped.</summary>
    Skipped,
}

/// <summary>One test's result, with its stage and where it is written.</summary>
/// <param name="Name">The test's display name without its namespace and class (<c>LeetCode_146_example</c>, with a theory's arguments).</param>
/// <param name="ClassName">The test class's simple name.</param>
/// <param name="Stage">The stage it belongs to; 0 when it has none.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The failure's message (the exception and its inner ones), or <see langword="null"/>.</param>
/// <param name="ExceptionType">The type of the exception that failed it, or <see langword="null"/>.</param>
/// <param name="StackTrace">The failure's stack trace, or <see langword="null"/>.</param>
/// <param name="Output">The start and end of what the test wrote, or <see langword="null"/> when it wrote nothing.</param>
/// <param name="SourceFile">The file that holds the test, when known.</param>
/// <param name="SourceLine">The test's line in that file, or 0.</param>
internal sealed record TestOutcome(
    string Name,
    string ClassName,
    int Stage,
    TestStatus Status,
    string? Message,
    string? ExceptionType,
    string? StackTrace,
    string? Output,
    string? SourceFile,
    int SourceLine)
{
    /// <summary>Gets whether the test counts against the attempt: it failed, blocked or died.</summary>
    public bool IsFailure => Status is TestStatus.Failed or TestStatus.TimedOut or TestStatus.Blocked or TestStatus.Crashed;
}
