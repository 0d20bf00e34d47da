using Katas.Cli.Running;

namespace Katas.Cli.Tests;

public sealed class ProgressReaderTests
{
    [Fact]
    public void Results_are_read_from_xunit_json_messages_in_the_order_the_tests_are_written()
    {
        var reader = new TestRunner.ProgressReader();
        foreach (string line in Case("c1", "Second", line: 20).Concat(Case("c2", "First", line: 10)))
        {
            reader.Read(line);
        }

        reader.Read(Started("t1", "c1", "Second"));
        reader.Read(Started("t2", "c2", "First"));
        reader.Read("""{"$type":"test-failed","TestUniqueID":"t1","Cause":"Assertion","Messages":["Expected 1 but found 2."],"StackTraces":["   at X"]}""");
        reader.Read("""{"$type":"test-passed","TestUniqueID":"t2"}""");

        var result = reader.Finish(stopped: false);

        result.Tests.Select(test => (test.Name, test.Status)).Should().Equal(("First", TestStatus.Passed), ("Second", TestStatus.Failed));
        result.FirstFailure!.Message.Should().Be("Expected 1 but found 2.");
        result.FirstFailure.SourceLine.Should().Be(20);
        result.Passed.Should().Be(1);
        result.Total.Should().Be(2);
        result.AllPassed.Should().BeFalse();
        result.Blocked.Should().BeFalse();
    }

    [Fact]
    public void A_test_that_started_and_never_finished_is_blocked()
    {
        var reader = new TestRunner.ProgressReader();
        foreach (string line in Case("c1", "Waits_forever", line: 5))
        {
            reader.Read(line);
        }

        reader.Read(Started("t1", "c1", "Waits_forever"));

        var result = reader.Finish(stopped: true);

        result.Tests.Should().ContainSingle().Which.Status.Should().Be(TestStatus.Blocked);
        result.Blocked.Should().BeTrue();
        result.FirstFailure!.Message.Should().Contain("blocked");
    }

    [Fact]
    public void A_test_that_ran_out_of_its_timeout_is_blocked()
    {
        var reader = new TestRunner.ProgressReader();
        foreach (string line in Case("c1", "Deadlocks", line: 5))
        {
            reader.Read(line);
        }

        reader.Read(Started("t1", "c1", "Deadlocks"));
        reader.Read("""{"$type":"test-failed","TestUniqueID":"t1","Cause":"Timeout","Messages":["Test execution timed out after 2000 milliseconds"],"StackTraces":[null]}""");

        var result = reader.Finish(stopped: false);

        result.Tests.Should().ContainSingle().Which.Status.Should().Be(TestStatus.Blocked);
        result.AllPassed.Should().BeFalse();
    }

    [Fact]
    public void Lines_that_are_not_progress_messages_are_ignored()
    {
        var reader = new TestRunner.ProgressReader();

        reader.Read("Some text the test printed");
        reader.Read("{ not json");

        var result = reader.Finish(stopped: false);
        result.Tests.Should().BeEmpty();
        result.AllPassed.Should().BeFalse("a run in which no test ran is not a pass");
    }

    private static IEnumerable<string> Case(string caseId, string method, int line)
    {
        yield return $$"""{"$type":"test-case-starting","TestCaseUniqueID":"{{caseId}}","TestClassName":"Katas.Tests.SomeTests","TestClassSimpleName":"SomeTests","SourceFilePath":"/repo/tests/SomeTests.cs","SourceLineNumber":{{line}},"TestCaseDisplayName":"Katas.Tests.SomeTests.{{method}}"}""";
    }

    private static string Started(string testId, string caseId, string method) =>
        $$"""{"$type":"test-starting","TestUniqueID":"{{testId}}","TestCaseUniqueID":"{{caseId}}","TestDisplayName":"Katas.Tests.SomeTests.{{method}}"}""";
}
