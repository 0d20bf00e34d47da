namespace Katas.Cli.Engine;

/// <summary>What went wrong with the test process itself, beyond tests that failed.</summary>
internal enum RunProblemKind
{
    /// <summary>The process crashed: a stack overflow, an unhandled exception on another thread, a fatal signal.</summary>
    Crashed,

    /// <summary>The process ran out of its capped memory.</summary>
    OutOfMemory,

    /// <summary>The process exited by itself before the tests finished (the attempt called Environment.Exit, say).</summary>
    ExitedEarly,

    /// <summary>The run's time limit ran out while tests were still running.</summary>
    TimedOut,

    /// <summary>The process printed more than its output budget and was stopped.</summary>
    OutputFlood,

    /// <summary>The check was cancelled (Ctrl+C).</summary>
    Cancelled,
}

/// <summary>A problem with the test process, said in one sentence.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Description">What happened, for the learner, such as "the test process crashed: stack overflow in MinStack.Push (attempts/MinStack/MinStack.cs:57)".</param>
internal sealed record RunProblem(RunProblemKind Kind, string Description)
{
    /// <summary>Gets how many tests were running when it happened.</summary>
    public int TestsRunning { get; init; }

    /// <summary>Gets the description with the tests that were running, such as "... while 3 tests were running".</summary>
    public string FullDescription => TestsRunning switch
    {
        0 => Description,
        1 => Description + " while 1 test was running",
        _ => $"{Description} while {TestsRunning} tests were running",
    };
}
