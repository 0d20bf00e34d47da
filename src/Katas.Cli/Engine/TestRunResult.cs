namespace Katas.Cli.Engine;

/// <summary>The results of one run of a kata's contract tests against an attempt.</summary>
/// <param name="Tests">Every test of the kata, run or not, in stage order and then in the order they are written.</param>
/// <param name="StageCount">How many stages the kata has.</param>
/// <param name="Problem">What went wrong with the test process itself, or <see langword="null"/>.</param>
/// <param name="ProcessOutput">The start and end of what the test process printed outside the tests' own output.</param>
internal sealed record TestRunResult(IReadOnlyList<TestOutcome> Tests, int StageCount, RunProblem? Problem, string ProcessOutput)
{
    /// <summary>Gets the first test to fail in the order the test process reported it, or <see langword="null"/>.</summary>
    public TestOutcome? FirstReportedFailure { get; init; }

    /// <summary>Gets the number of passing tests.</summary>
    public int Passed => Tests.Count(test => test.Status == TestStatus.Passed);

    /// <summary>Gets the number of tests of the kata (skipped ones excluded).</summary>
    public int Total => Tests.Count(test => test.Status != TestStatus.Skipped);

    /// <summary>Gets whether every test ran and passed, and the test process ended as it should.</summary>
    public bool AllPassed => Problem is null && Total > 0 && Passed == Total;

    /// <summary>Gets the first test that failed, blocked or died, in stage and file order.</summary>
    public TestOutcome? FirstFailure => Tests.FirstOrDefault(test => test.IsFailure);

    /// <summary>Gets the first stage that did not pass whole, or <see langword="null"/> when all did.</summary>
    public int? FirstStageNotPassed => AllPassed
        ? null
        : Tests.Where(test => test.Status is not TestStatus.Passed and not TestStatus.Skipped).Select(test => (int?)test.Stage).Min() ?? StageCount;

    /// <summary>Gets how many stages, from the first, passed whole.</summary>
    public int StagesPassed => FirstStageNotPassed is int stage ? stage - 1 : StageCount;

    /// <summary>Gets the tests of one stage, in order.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>Its tests.</returns>
    public IEnumerable<TestOutcome> OfStage(int stage) => Tests.Where(test => test.Stage == stage);
}
