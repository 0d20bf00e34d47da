using System.Text.Json;

namespace Katas.Cli.Running;

/// <summary>How one test ended.</summary>
internal enum TestStatus
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>An assertion or an exception failed it.</summary>
    Failed,

    /// <summary>It was skipped.</summary>
    Skipped,

    /// <summary>It started and never finished: the attempt blocked (a deadlock, a lost wake-up).</summary>
    Blocked,
}

/// <summary>One test's result, with where the test is written.</summary>
/// <param name="Name">The test's display name without its namespace and class (<c>LeetCode_146_example</c>).</param>
/// <param name="ClassName">The test class's simple name.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The failure's message, or <see langword="null"/>.</param>
/// <param name="StackTrace">The failure's stack trace, or <see langword="null"/>.</param>
/// <param name="SourceFile">The file that holds the test, when known.</param>
/// <param name="SourceLine">The test's line in that file, or 0.</param>
internal sealed record TestOutcome(
    string Name,
    string ClassName,
    TestStatus Status,
    string? Message,
    string? StackTrace,
    string? SourceFile,
    int SourceLine);

/// <summary>The results of one run of a kata's contract tests.</summary>
/// <param name="Tests">Every test, in the order they are written in the test files.</param>
/// <param name="Blocked">Whether the run had to be stopped because a test never finished.</param>
internal sealed record TestRunResult(IReadOnlyList<TestOutcome> Tests, bool Blocked)
{
    /// <summary>Gets the number of passing tests.</summary>
    public int Passed => Tests.Count(test => test.Status == TestStatus.Passed);

    /// <summary>Gets the number of tests that ran (skipped ones excluded).</summary>
    public int Total => Tests.Count(test => test.Status != TestStatus.Skipped);

    /// <summary>Gets whether every test that ran passed, and at least one ran.</summary>
    public bool AllPassed => Total > 0 && Passed == Total;

    /// <summary>Gets the first test that did not pass, in file order.</summary>
    public TestOutcome? FirstFailure => Tests.FirstOrDefault(test => test.Status is TestStatus.Failed or TestStatus.Blocked);
}

/// <summary>Runs a built xunit.v3 test executable and reads its JSON progress messages.</summary>
internal static class TestRunner
{
    /// <summary>Runs every test in a test assembly.</summary>
    /// <param name="testAssembly">The test assembly (an xunit.v3 executable's .dll).</param>
    /// <param name="workingDirectory">The folder to run in.</param>
    /// <param name="timeLimit">How long the whole run may take before the tests still running count as blocked.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The results.</returns>
    public static async Task<TestRunResult> RunAsync(
        string testAssembly,
        string workingDirectory,
        TimeSpan timeLimit,
        CancellationToken cancellationToken)
    {
        var reader = new ProgressReader();
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [testAssembly, "-reporter", "json", "-noColor", "-noAutoReporters"],
            workingDirectory,
            timeLimit,
            reader.Read,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return reader.Finish(result.TimedOut);
    }

    /// <summary>Builds the results from xunit's <c>-reporter json</c> stream, one JSON object a line.</summary>
    internal sealed class ProgressReader
    {
        private readonly Lock _gate = new();

        // Where each test case is written, by its unique id.
        private readonly Dictionary<string, (string ClassName, string FullClassName, string? File, int Line)> _cases = [];

        // The test case and display name of each test that started, by the test's unique id.
        private readonly Dictionary<string, (string CaseId, string DisplayName)> _started = [];

        // Each test's outcome so far, by the test's unique id.
        private readonly Dictionary<string, TestOutcome> _finished = [];

        /// <summary>Takes one line of the stream; anything that is not a progress message is ignored.</summary>
        /// <param name="line">The line.</param>
        public void Read(string line)
        {
            if (!line.StartsWith('{'))
            {
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                return;
            }

            using (document)
            {
                lock (_gate)
                {
                    Take(document.RootElement);
                }
            }
        }

        /// <summary>Ends the stream: tests that started and never finished are reported as blocked.</summary>
        /// <param name="stopped">Whether the run was stopped before its end.</param>
        /// <returns>The results, in the order the tests are written.</returns>
        public TestRunResult Finish(bool stopped)
        {
            lock (_gate)
            {
                foreach (var (testId, (caseId, displayName)) in _started)
                {
                    if (!_finished.ContainsKey(testId))
                    {
                        _finished[testId] = Outcome(caseId, displayName, TestStatus.Blocked,
                            "The test started but never finished: the attempt blocked (a deadlock, or a wait that is never woken).",
                            null);
                    }
                }

                var tests = _finished.Values
                    .OrderBy(test => test.SourceFile, StringComparer.Ordinal)
                    .ThenBy(test => test.SourceLine)
                    .ThenBy(test => test.Name, StringComparer.Ordinal)
                    .ToList();
                return new TestRunResult(tests, stopped || tests.Any(test => test.Status == TestStatus.Blocked));
            }
        }

        private void Take(JsonElement message)
        {
            string? type = Text(message, "$type");
            switch (type)
            {
                case "test-case-starting":
                    _cases[Text(message, "TestCaseUniqueID")!] = (
                        Text(message, "TestClassSimpleName") ?? "",
                        Text(message, "TestClassName") ?? "",
                        Text(message, "SourceFilePath"),
                        message.TryGetProperty("SourceLineNumber", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0);
                    break;
                case "test-starting":
                    _started[Text(message, "TestUniqueID")!] = (Text(message, "TestCaseUniqueID")!, Text(message, "TestDisplayName") ?? "");
                    break;
                case "test-passed":
                    Record(message, TestStatus.Passed, null, null);
                    break;
                case "test-skipped":
                    Record(message, TestStatus.Skipped, Text(message, "Reason"), null);
                    break;
                case "test-failed":
                    bool timedOut = Text(message, "Cause") == "Timeout";
                    Record(
                        message,
                        timedOut ? TestStatus.Blocked : TestStatus.Failed,
                        First(message, "Messages"),
                        First(message, "StackTraces"));
                    break;
                default:
                    break;
            }
        }

        private void Record(JsonElement message, TestStatus status, string? text, string? stackTrace)
        {
            string testId = Text(message, "TestUniqueID")!;
            if (_started.TryGetValue(testId, out var started))
            {
                _finished[testId] = Outcome(started.CaseId, started.DisplayName, status, text, stackTrace);
            }
        }

        private TestOutcome Outcome(string caseId, string displayName, TestStatus status, string? text, string? stackTrace)
        {
            var (className, fullClassName, file, line) = _cases.TryGetValue(caseId, out var where) ? where : ("", "", null, 0);
            string prefix = fullClassName + ".";
            string name = displayName.StartsWith(prefix, StringComparison.Ordinal) ? displayName[prefix.Length..] : displayName;
            return new TestOutcome(name, className, status, text, stackTrace, file, line);
        }

        private static string? Text(JsonElement message, string property) =>
            message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? First(JsonElement message, string property) =>
            message.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
                ? values[0].GetString()
                : null;
    }
}
