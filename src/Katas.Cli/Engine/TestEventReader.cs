using System.Text.Json;
using System.Text.RegularExpressions;

namespace Katas.Cli.Engine;

/// <summary>
/// Builds a run's results from the test program's JSON messages (xunit's <c>-reporter json</c>, one object a
/// line, and the test program's own stage and end markers). A message cut short by the runner's line limit is
/// still read for its type and test, so a test that printed a flood is not lost.
/// </summary>
internal sealed partial class TestEventReader
{
    private readonly Lock _gate = new();

    // Where each test case is written, by its unique id: its class, its method and where the test is.
    private readonly Dictionary<string, (string ClassName, string ClassSimpleName, string Method, string? File, int Line)> _cases = [];

    // The test case and display name of each test that started, by the test's unique id.
    private readonly Dictionary<string, (string CaseId, string DisplayName)> _started = [];

    // Each finished test's outcome, by the test's unique id.
    private readonly Dictionary<string, TestOutcome> _finished = [];

    // What each test wrote, by the test's unique id.
    private readonly Dictionary<string, BoundedText> _output = [];

    private readonly Func<string, string, int> _stageOf;

    /// <summary>Initializes a reader.</summary>
    /// <param name="stageOf">Gives the stage of a test method from its class's full name and its name.</param>
    public TestEventReader(Func<string, string, int> stageOf) => _stageOf = stageOf;

    /// <summary>Called when a test fails, with its outcome.</summary>
    public event Action<TestOutcome>? Failed;

    /// <summary>Gets the stages that finished, with the exit code of each.</summary>
    public Dictionary<int, int> StagesFinished { get; } = [];

    /// <summary>Gets whether the test program said it reached its end.</summary>
    public bool RunFinished { get; private set; }

    /// <summary>
    /// Gets the first test to fail, in the order the failures were reported: when a run stops at its first failure,
    /// the tests it stops report failures of their own (cancelled), which do not count.
    /// </summary>
    public TestOutcome? FirstReportedFailure { get; private set; }

    /// <summary>Takes one line of standard output.</summary>
    /// <param name="line">The line.</param>
    /// <param name="cut">How many characters were cut from its end.</param>
    /// <returns>Whether it was a message of the test program (else it is the attempt's or xunit's own printing).</returns>
    public bool Read(string line, long cut)
    {
        if (!line.StartsWith("{\"$type\":", StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            if (cut == 0)
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    Take(document.RootElement);
                    return true;
                }
                catch (JsonException)
                {
                    // Not whole after all: read it as a cut message below.
                }
            }

            TakeCut(line, cut);
            return true;
        }
    }

    /// <summary>Gets the outcomes so far and the tests still running.</summary>
    /// <returns>The finished outcomes, and for each test that started but did not finish, its outcome so far.</returns>
    public (IReadOnlyList<TestOutcome> Finished, IReadOnlyList<TestOutcome> Running) Snapshot()
    {
        lock (_gate)
        {
            var running = _started
                .Where(started => !_finished.ContainsKey(started.Key))
                .Select(started => Outcome(started.Key, TestStatus.Blocked, null, null, null))
                .ToList();
            return ([.. _finished.Values], running);
        }
    }

    private void Take(JsonElement message)
    {
        switch (Text(message, "$type"))
        {
            case "test-case-starting":
                _cases[Text(message, "TestCaseUniqueID")!] = (
                    Text(message, "TestClassName") ?? "",
                    Text(message, "TestClassSimpleName") ?? "",
                    Text(message, "TestMethodName") ?? "",
                    Text(message, "SourceFilePath"),
                    message.TryGetProperty("SourceLineNumber", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0);
                break;
            case "test-starting":
                _started[Text(message, "TestUniqueID")!] = (Text(message, "TestCaseUniqueID")!, Text(message, "TestDisplayName") ?? "");
                break;
            case "test-output":
                OutputOf(Text(message, "TestUniqueID")!).AppendLine((Text(message, "Output") ?? "").TrimEnd('\n', '\r'));
                break;
            case "test-passed":
                Finish(message, TestStatus.Passed, null, null, null);
                break;
            case "test-skipped":
                Finish(message, TestStatus.Skipped, Text(message, "Reason"), null, null);
                break;
            case "test-not-run":
                Finish(message, TestStatus.NotRun, null, null, null);
                break;
            case "test-failed":
                Finish(
                    message,
                    Text(message, "Cause") == "Timeout" ? TestStatus.TimedOut : TestStatus.Failed,
                    Chain(message, "Messages", "\n---- "),
                    First(message, "ExceptionTypes"),
                    Chain(message, "StackTraces", "\n----- Inner Stack Trace -----\n"));
                break;
            case "kata-stage-finished":
                StagesFinished[message.GetProperty("Stage").GetInt32()] = message.GetProperty("ExitCode").GetInt32();
                break;
            case "kata-run-finished":
                RunFinished = true;
                break;
            default:
                break;
        }
    }

    // A message too long to keep whole: its type and test are at its start.
    private void TakeCut(string line, long cut)
    {
        string? type = CutType().Match(line) is { Success: true } match ? match.Groups["value"].Value : null;
        string? testId = CutTestId().Match(line) is { Success: true } id ? id.Groups["value"].Value : null;
        if (testId is null)
        {
            return;
        }

        string note = $"(the test wrote so much that the runner kept only the start of its last message: {line.Length + cut:N0} characters)";
        switch (type)
        {
            case "test-output":
                OutputOf(testId).AppendLine(line[..Math.Min(line.Length, 4096)] + " ...");
                OutputOf(testId).CountCut(cut);
                break;
            case "test-passed":
                FinishById(testId, TestStatus.Passed, null, null, null);
                break;
            case "test-failed":
                FinishById(testId, TestStatus.Failed, note, null, null);
                break;
            case "test-skipped" or "test-not-run":
                FinishById(testId, type == "test-skipped" ? TestStatus.Skipped : TestStatus.NotRun, null, null, null);
                break;
            default:
                break;
        }
    }

    private void Finish(JsonElement message, TestStatus status, string? text, string? exceptionType, string? stackTrace)
    {
        string testId = Text(message, "TestUniqueID")!;
        if (Text(message, "Output") is { Length: > 0 } output && !_output.ContainsKey(testId))
        {
            foreach (string line in output.TrimEnd('\n').Split('\n'))
            {
                OutputOf(testId).AppendLine(line.TrimEnd('\r'));
            }
        }

        FinishById(testId, status, text, exceptionType, stackTrace);
    }

    private void FinishById(string testId, TestStatus status, string? text, string? exceptionType, string? stackTrace)
    {
        if (!_started.ContainsKey(testId))
        {
            return;
        }

        var outcome = Outcome(testId, status, text, exceptionType, stackTrace);
        _finished[testId] = outcome;
        if (outcome.IsFailure)
        {
            FirstReportedFailure ??= outcome;
            Failed?.Invoke(outcome);
        }
    }

    private TestOutcome Outcome(string testId, TestStatus status, string? text, string? exceptionType, string? stackTrace)
    {
        var (caseId, displayName) = _started[testId];
        var (className, simpleName, method, file, line) = _cases.TryGetValue(caseId, out var where) ? where : ("", "", "", null, 0);
        string prefix = className + ".";
        string name = displayName.StartsWith(prefix, StringComparison.Ordinal) ? displayName[prefix.Length..] : displayName;
        string? output = _output.TryGetValue(testId, out var written) ? written.ToString() : null;
        return new TestOutcome(name, simpleName, _stageOf(className, method), status, text, exceptionType, stackTrace, output, file, line);
    }

    private BoundedText OutputOf(string testId)
    {
        if (!_output.TryGetValue(testId, out var text))
        {
            text = new BoundedText(4 * 1024, 4 * 1024);
            _output[testId] = text;
        }

        return text;
    }

    private static string? Text(JsonElement message, string property) =>
        message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? First(JsonElement message, string property) =>
        message.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            ? values[0].GetString()
            : null;

    // An exception and its inner exceptions, outermost first, as xunit prints them.
    private static string? Chain(JsonElement message, string property, string separator) =>
        message.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            ? string.Join(separator, values.EnumerateArray().Select(value => value.GetString()).Where(value => !string.IsNullOrEmpty(value)))
            : null;

    [GeneratedRegex("^\\{\"\\$type\":\"(?<value>[a-z-]+)\"")]
    private static partial Regex CutType();

    [GeneratedRegex("\"TestUniqueID\":\"(?<value>[^\"]+)\"")]
    private static partial Regex CutTestId();
}
