using System.Diagnostics;

namespace Katas.Cli.Tests;

/// <summary>
/// Attempts that are right as algorithms but misbehave as processes: they end the test process, flood its output,
/// exhaust its memory or block it. Each is named for what it did, every test of the kata is accounted for, and
/// no process is left running, whichever way the check ends.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class MisbehavingAttemptTests : IDisposable
{
    private static readonly string Marker = RepositoryLayout.ForChecks.StateFolder;

    private readonly Attempts _attempts = new();

    public void Dispose() => _attempts.Dispose();

    [Fact]
    public async Task A_stack_overflow_is_named_with_the_attempts_method_and_line_and_the_tests_it_stopped_are_counted()
    {
        string attempt = _attempts.WriteEdited(
            "    public int Count => _nodes.Count;",
            "    public int Count => Recurse(_nodes.Count);\n\n    private int Recurse(int depth) => Recurse(depth + 1) + 1;");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().MatchRegex(@"The test process crashed: stack overflow in LruCache\.Recurse \(.*LruCache\.cs:\d+\) while 1 test was running\. \d+ tests did not run\.")
            .And.Contain("☠").And.NotContain("deadlock");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task An_attempt_that_ends_the_process_is_reported_with_its_exit_code_and_never_passes()
    {
        string attempt = _attempts.WriteEdited(
            "    public int Count => _nodes.Count;",
            "    public int Count => _nodes.Count > 0 ? _nodes.Count : Exit();\n\n    private static int Exit()\n    {\n        Environment.Exit(0);\n        return 0;\n    }");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("The test process exited with code 0 before the tests had finished while 1 test was running.")
            .And.MatchRegex(@"\d+ tests did not run").And.NotContain("deadlock").And.NotContain("All 3 stages pass");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task An_attempt_that_prints_without_end_is_stopped_at_the_output_budget_and_its_output_is_cut()
    {
        string attempt = _attempts.WriteWithConstructorStart(
            "        while (capacity > 0)\n        {\n            Console.WriteLine(\"a line printed again and again, without end\");\n        }");

        var (exitCode, output) = await WithEnvironmentAsync("KATA_OUTPUT_BUDGET_MB", "16", () => CheckAsync("--attempt", attempt));

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("The test process printed more than 16 MB and was stopped while 1 test was running.")
            .And.MatchRegex(@"\[\.\.\. [\d,]+ lines and [\d,]+ characters dropped \.\.\.\]");
        output.Length.Should().BeLessThan(64 * 1024, "the runner keeps only the start and the end of what an attempt prints");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task A_line_without_end_is_cut_so_the_runner_never_holds_it_whole()
    {
        string attempt = _attempts.WriteWithConstructorStart(
            "        while (capacity > 0)\n        {\n            Console.Write(\"no line break, ever \");\n        }");
        long before = GC.GetTotalMemory(forceFullCollection: true);

        var (exitCode, output) = await WithEnvironmentAsync("KATA_OUTPUT_BUDGET_MB", "64", () => CheckAsync("--attempt", attempt));

        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("printed more than 64 MB and was stopped");
        retained.Should().BeLessThan(16L * 1024 * 1024, "a 64 MB line is cut to its start as it is read");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task An_attempt_that_keeps_memory_alive_fails_out_of_memory_at_the_heap_cap()
    {
        string attempt = _attempts.WriteEdited(
            ("        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n",
             "        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n        while (capacity > 0)\n        {\n            Hoard.Add(new byte[1 << 20]);\n        }\n"),
            ("    public int Capacity { get; }", "    private static readonly List<byte[]> Hoard = [];\n\n    public int Capacity { get; }"));
        var clock = Stopwatch.StartNew();

        var (exitCode, output) = await WithEnvironmentAsync("KATA_HEAP_LIMIT_MB", "256", () => CheckAsync("--attempt", attempt));

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("OutOfMemoryException").And.Contain("capped at 256 MiB");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(1), "the cap stops the attempt long before the machine runs short");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task An_attempt_that_blocks_is_stopped_at_the_time_limit_and_its_tests_are_blocked_not_passed()
    {
        string attempt = _attempts.WriteWithConstructorStart("        Thread.Sleep(Timeout.Infinite);");

        var (exitCode, output) = await CheckAsync("--attempt", attempt, "--timeout", "3");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("⧗").And.Contain("still running at the time limit")
            .And.Contain("The tests had not finished after the time limit of 3 s while");
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task Ctrl_C_during_a_check_kills_the_test_process()
    {
        string attempt = _attempts.WriteWithConstructorStart("        Thread.Sleep(Timeout.Infinite);");
        using var ctrlC = new CancellationTokenSource();

        var check = Runner.RunAsync(RepositoryLayout.ForChecks, null, ctrlC.Token, "check", "lru-cache", "--attempt", attempt);
        (await TestProcesses.WaitForAsync(Marker, TimeSpan.FromSeconds(60))).Should().NotBeNull("the check starts its test process");
        await ctrlC.CancelAsync();
        var (exitCode, _) = await check;

        exitCode.Should().Be(ExitCodes.Failure);
        await ShouldLeaveNothingRunningAsync();
    }

    [Fact]
    public async Task A_runner_killed_outright_leaves_no_test_process_behind()
    {
        Assert.SkipUnless(TestProcesses.CanList, "Processes are listed from /proc.");
        string attempt = _attempts.WriteWithConstructorStart("        Thread.Sleep(Timeout.Infinite);");
        using var runner = Runner.Start(
            new Dictionary<string, string> { ["KATA_STATE_FOLDER"] = Marker, ["CI"] = "" },
            "check", "lru-cache", "--attempt", attempt);

        (await TestProcesses.WaitForAsync(Marker, TimeSpan.FromSeconds(60))).Should().NotBeNull("the runner starts its test process");
        runner.Kill(entireProcessTree: false);
        await runner.WaitForExitAsync(TestContext.Current.CancellationToken);

        (await TestProcesses.WaitUntilNoneAsync(Marker, TimeSpan.FromSeconds(10))).Should().BeEmpty(
            "the test process ends itself once the runner that started it is gone");
    }

    [Fact]
    public async Task An_internal_error_of_the_runner_is_one_line_and_exit_code_one()
    {
        string notAFolder = Path.GetTempFileName();
        try
        {
            var (exitCode, output) = await Runner.RunAsync(
                RepositoryLayout.Current with { StateFolder = notAFolder }, null, "check", "lru-cache", "--attempt", _attempts.Write(Attempts.Correct));

            exitCode.Should().Be(ExitCodes.Failure);
            output.Should().StartWith("kata: internal error: ").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    private static Task<(int ExitCode, string Output)> CheckAsync(params string[] args) =>
        Runner.RunAsync(RepositoryLayout.ForChecks, null, ["check", "lru-cache", .. args]);

    private static async Task<T> WithEnvironmentAsync<T>(string variable, string value, Func<Task<T>> action)
    {
        string? before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }

    private static async Task ShouldLeaveNothingRunningAsync()
    {
        if (TestProcesses.CanList)
        {
            (await TestProcesses.WaitUntilNoneAsync(Marker, TimeSpan.FromSeconds(5))).Should().BeEmpty("no test process outlives its check");
        }
    }
}
