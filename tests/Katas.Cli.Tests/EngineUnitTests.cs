using System.Text;
using Katas.Cli.Engine;

namespace Katas.Cli.Tests;

/// <summary>The engine's pieces that need no process: bounded text, line splitting and the reading of test messages.</summary>
public sealed class EngineUnitTests
{
    [Fact]
    public void Bounded_text_keeps_the_start_and_the_end_and_counts_what_it_dropped()
    {
        var text = new BoundedText(headCharacters: 20, tailCharacters: 20);

        for (int line = 0; line < 1_000; line++)
        {
            text.AppendLine($"line {line:000}");
        }

        string kept = text.ToString();
        kept.Should().StartWith("line 000\nline 001\n").And.EndWith("line 998\nline 999");
        text.DroppedLines.Should().Be(1_000 - 2 - 2);
        kept.Should().Contain("[... 996 lines and");
        kept.Length.Should().BeLessThan(200);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_cut_and_what_was_cut_is_counted()
    {
        int length = LineSplitter.MaxLineLength * 3 + 17;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', length) + "\nshort\n"));
        var lines = new List<(int Length, long Cut)>();

        await LineSplitter.ReadAsync(stream, (line, cut) => lines.Add((line.Length, cut)), _ => { }, TestContext.Current.CancellationToken);

        lines.Should().Equal((LineSplitter.MaxLineLength, length - LineSplitter.MaxLineLength), (5, 0L));
    }

    [Fact]
    public async Task Lines_are_split_across_reads_and_a_last_line_without_a_break_is_kept()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("first\r\nsecond\nthird"));
        var lines = new List<string>();

        await LineSplitter.ReadAsync(stream, (line, _) => lines.Add(line), _ => { }, TestContext.Current.CancellationToken);

        lines.Should().Equal("first", "second", "third");
    }

    [Fact]
    public void Test_messages_give_each_test_its_outcome_stage_output_and_place()
    {
        var reader = new TestEventReader((className, method) => method == "Second" ? 2 : 1);

        foreach (string line in Messages())
        {
            reader.Read(line, 0).Should().BeTrue();
        }

        reader.Read("not a message", 0).Should().BeFalse();
        var (finished, running) = reader.Snapshot();
        finished.Should().HaveCount(2);
        finished.Single(test => test.Name == "First").Should().Match<TestOutcome>(test =>
            test.Status == TestStatus.Failed && test.Stage == 1 && test.Message == "outer\n---- inner" && test.Output == "hello"
            && test.ExceptionType == "System.InvalidOperationException" && test.SourceLine == 10);
        finished.Single(test => test.Name == "Second").Status.Should().Be(TestStatus.TimedOut);
        running.Should().ContainSingle().Which.Name.Should().Be("Third(value: 1)");
        reader.StagesFinished.Should().Equal(new Dictionary<int, int> { [1] = 1 });
        reader.RunFinished.Should().BeTrue();
    }

    [Fact]
    public void A_message_cut_short_still_finishes_its_test()
    {
        var reader = new TestEventReader((_, _) => 1);
        foreach (string line in Messages().Take(4))
        {
            reader.Read(line, 0);
        }

        reader.Read("{\"$type\":\"test-failed\",\"AssemblyUniqueID\":\"a\",\"TestUniqueID\":\"t1\",\"Output\":\"xxxxxxxx", 5_000_000);

        var (finished, running) = reader.Snapshot();
        finished.Should().ContainSingle().Which.Should().Match<TestOutcome>(test =>
            test.Name == "First" && test.Status == TestStatus.Failed && test.Message!.Contains("kept only the start"));
        running.Should().ContainSingle().Which.Name.Should().Be("Second");
    }

    private static IEnumerable<string> Messages() =>
    [
        "{\"$type\":\"test-case-starting\",\"TestCaseUniqueID\":\"c1\",\"TestClassName\":\"Katas.Tests.T\",\"TestClassSimpleName\":\"T\",\"TestMethodName\":\"First\",\"SourceFilePath\":\"/t/T.cs\",\"SourceLineNumber\":10}",
        "{\"$type\":\"test-starting\",\"TestCaseUniqueID\":\"c1\",\"TestUniqueID\":\"t1\",\"TestDisplayName\":\"Katas.Tests.T.First\"}",
        "{\"$type\":\"test-case-starting\",\"TestCaseUniqueID\":\"c2\",\"TestClassName\":\"Katas.Tests.T\",\"TestClassSimpleName\":\"T\",\"TestMethodName\":\"Second\",\"SourceFilePath\":\"/t/T.cs\",\"SourceLineNumber\":20}",
        "{\"$type\":\"test-starting\",\"TestCaseUniqueID\":\"c2\",\"TestUniqueID\":\"t2\",\"TestDisplayName\":\"Katas.Tests.T.Second\"}",
        "{\"$type\":\"test-output\",\"TestUniqueID\":\"t1\",\"Output\":\"hello\\n\"}",
        "{\"$type\":\"test-failed\",\"TestUniqueID\":\"t1\",\"ExceptionTypes\":[\"System.InvalidOperationException\",\"System.Exception\"],\"Messages\":[\"outer\",\"inner\"],\"StackTraces\":[\"at A\",\"at B\"]}",
        "{\"$type\":\"test-failed\",\"TestUniqueID\":\"t2\",\"Cause\":\"Timeout\",\"Messages\":[\"timed out\"],\"StackTraces\":[\"\"]}",
        "{\"$type\":\"test-case-starting\",\"TestCaseUniqueID\":\"c3\",\"TestClassName\":\"Katas.Tests.T\",\"TestClassSimpleName\":\"T\",\"TestMethodName\":\"Third\",\"SourceFilePath\":\"/t/T.cs\",\"SourceLineNumber\":30}",
        "{\"$type\":\"test-starting\",\"TestCaseUniqueID\":\"c3\",\"TestUniqueID\":\"t3\",\"TestDisplayName\":\"Katas.Tests.T.Third(value: 1)\"}",
        "{\"$type\":\"kata-stage-finished\",\"Stage\":1,\"ExitCode\":1}",
        "{\"$type\":\"kata-run-finished\",\"ExitCode\":1}",
    ];
}

/// <summary>The caught-mistakes table that <c>dev verify --write-results</c> writes into a kata's results file.</summary>
public sealed class ResultsFileTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void The_table_replaces_what_is_between_the_markers_and_nothing_else()
    {
        File.WriteAllText(_file, $"# Results\n\n**Headline:** fast\n\n{Running.ResultsFile.Start}\nold table\n{Running.ResultsFile.End}\n\n## Mutation score\n\n100 %\n");

        bool written = Running.ResultsFile.WriteCaughtMistakes(_file, "lru-cache", new DateOnly(2026, 12, 2),
            [new("mistake NoRefreshOnGet", "A hit | is not a use.", "caught by LeetCode_146_example (stage 1)")]);

        written.Should().BeTrue();
        string text = File.ReadAllText(_file);
        text.Should().StartWith("# Results\n\n**Headline:** fast\n\n").And.EndWith($"{Running.ResultsFile.End}\n\n## Mutation score\n\n100 %\n")
            .And.Contain("From `./kata dev verify lru-cache` on 2026-12-02")
            .And.Contain("| mistake NoRefreshOnGet | A hit \\| is not a use. | caught by LeetCode_146_example (stage 1) |")
            .And.NotContain("old table");
    }

    [Fact]
    public void A_file_without_the_markers_is_left_alone()
    {
        File.WriteAllText(_file, "# Results\n");

        Running.ResultsFile.WriteCaughtMistakes(_file, "lru-cache", new DateOnly(2026, 12, 2), []).Should().BeFalse();

        File.ReadAllText(_file).Should().Be("# Results\n");
    }
}
