namespace Katas.Cli.Tests;

/// <summary>
/// <c>check</c> from end to end: each test compiles a real attempt at the LRU kata and runs its contract tests in a
/// test process, stage by stage. They share one collection, so they never run at the same time as each other.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class CheckEndToEndTests : IDisposable
{
    private readonly Attempts _attempts = new();

    public void Dispose() => _attempts.Dispose();

    [Fact]
    public async Task An_unimplemented_attempt_fails_stage_one_and_points_at_the_line_that_threw()
    {
        string attempt = _attempts.WriteWithConstructorStart("        throw new NotImplementedException(\"Start here.\");");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("✗ Stage 1 of 3: The cache (0 of")
            .And.Contain("✗ LruCacheCoreTests.A_new_cache_is_empty_and_reports_its_capacity")
            .And.Contain("· Stage 2 of 3").And.Contain("(6 tests, next)")
            .And.Contain("First failure: A_new_cache_is_empty_and_reports_its_capacity tests/Katas.Tests/LruCache/LruCacheCoreTests.cs:")
            .And.Contain("Start here.")
            .And.MatchRegex(@"at Katas\.LruCache`2\.\.ctor.* in .*LruCache\.cs:line \d+")
            .And.Contain("Stage 1 of 3 does not pass yet");
        output.IndexOf("A_new_cache_is_empty", StringComparison.Ordinal).Should()
            .BeLessThan(output.IndexOf("Random_operations", StringComparison.Ordinal), "the simplest test of the stage comes first");
    }

    [Fact]
    public async Task A_correct_attempt_passes_every_stage_with_exit_code_zero()
    {
        var (exitCode, output) = await CheckAsync("--attempt", _attempts.Write(Attempts.Correct));

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("✓ Stage 1 of 3").And.Contain("✓ Stage 2 of 3").And.Contain("✓ Stage 3 of 3")
            .And.MatchRegex(@"All 3 stages pass: all \d+ tests");
    }

    [Fact]
    public async Task An_attempt_that_passes_stage_one_sees_only_the_failures_of_stage_two()
    {
        string attempt = _attempts.WriteEdited("        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n", "");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("✓ Stage 1 of 3: The cache (all")
            .And.Contain("✗ Stage 2 of 3: Keys, values and bad input")
            .And.Contain("✗ LruCacheInputTests.A_capacity_below_one_is_rejected")
            .And.NotContain("✗ LruCacheCoreTests")
            .And.Contain("· Stage 3 of 3: O(1) and nothing allocated (5 tests, next)")
            .And.Contain("Stage 2 of 3 does not pass yet");
    }

    [Fact]
    public async Task Check_all_runs_every_stage_and_lists_every_test()
    {
        string attempt = _attempts.WriteEdited("        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n", "");

        var (_, output) = await CheckAsync("--attempt", attempt, "--all");

        output.Should().Contain("✓ LruCacheCoreTests.LeetCode_146_example")
            .And.Contain("✗ LruCacheInputTests.A_capacity_below_one_is_rejected")
            .And.Contain("✓ LruCacheComplexityTests.A_full_cache_allocates_nothing_per_operation");
    }

    [Fact]
    public async Task A_subtly_wrong_attempt_from_a_mistake_recipe_fails_and_shows_the_assertion_message()
    {
        string recipe = Path.Combine(RepositoryLayout.Current.MistakesFolder, "LruCache", "NoRefreshOnGet.md");

        var (exitCode, output) = await CheckAsync("--attempt", recipe);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("✗ LruCacheCoreTests.A_hit_makes_the_entry_the_most_recently_used").And.Contain("Expected");
    }

    [Fact]
    public async Task An_attempt_that_is_neither_a_folder_nor_a_recipe_is_a_usage_error()
    {
        var (exitCode, output) = await CheckAsync("--attempt", Path.Combine(Path.GetTempPath(), "no-such-mistake.md"));

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("no such folder or mistake recipe");
    }

    [Fact]
    public async Task A_recipe_that_no_longer_fits_its_answer_is_reported_not_built()
    {
        string folder = Directory.CreateTempSubdirectory("kata-recipe-").FullName;
        try
        {
            string exemplar = RepositoryLayout.Current.ExemplarFolder(Attempts.Lru);
            string recipe = Path.Combine(folder, "Stale.md");
            File.WriteAllText(recipe, $"# Stale\n\nWrong.\n\nMade from [Exemplar]({exemplar}/).\n\n## In `LruCache.cs`, replace\n```csharp\nno such line\n```\n## with\n```csharp\n```\n");

            var (exitCode, output) = await CheckAsync("--attempt", recipe);

            exitCode.Should().Be(ExitCodes.UsageError);
            output.Should().Contain("the text to replace is not in LruCache.cs of Exemplar; the recipe no longer fits its base");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_attempt_that_does_not_compile_shows_compiler_messages_pointing_at_its_file()
    {
        string attempt = _attempts.WriteEdited("    public int Count => _nodes.Count;", "    public int Count => _nodes.Count");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("It does not compile").And.MatchRegex(@"LruCache\.cs\(\d+,\d+\): CS1002");
    }

    [Fact]
    public async Task A_renamed_member_is_a_compile_error_of_the_tests_that_call_it()
    {
        string attempt = _attempts.WriteEdited("    public bool Remove(TKey key)", "    public bool Delete(TKey key)");

        var (exitCode, output) = await CheckAsync("--attempt", attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("It does not compile")
            .And.MatchRegex(@"tests/Katas\.Tests/LruCache/LruCache\w+\.cs\(\d+,\d+\): CS\d+ .*Remove");
    }

    [Fact]
    public async Task Two_checks_of_one_kata_at_once_each_judge_their_own_attempt()
    {
        string correct = _attempts.Write(Attempts.Correct);
        string wrong = _attempts.WriteWithConstructorStart("        throw new NotImplementedException(\"Start here.\");");

        var results = await Task.WhenAll(CheckAsync("--attempt", correct), CheckAsync("--attempt", wrong), CheckAsync("--attempt", correct));

        results.Select(result => result.ExitCode).Should().Equal(ExitCodes.Success, ExitCodes.Failure, ExitCodes.Success);
    }

    private static Task<(int ExitCode, string Output)> CheckAsync(params string[] args) =>
        Runner.RunAsync(RepositoryLayout.ForChecks, null, ["check", "lru-cache", .. args]);
}

/// <summary>The tests that start test processes: one at a time, and never beside each other.</summary>
[CollectionDefinition(nameof(EndToEnd), DisableParallelization = true)]
public sealed class EndToEnd;
