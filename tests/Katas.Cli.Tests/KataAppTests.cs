namespace Katas.Cli.Tests;

/// <summary>The command line: verbs, help, usage errors and their exit codes. None of these builds anything.</summary>
public sealed class KataAppTests
{
    [Fact]
    public async Task Help_lists_the_learners_verbs_only_and_exits_zero()
    {
        var (exitCode, output) = await RunAsync("--help");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("list").And.Contain("check").And.Contain("watch").And.Contain("hint").And.Contain("reset")
            .And.NotContain("verify").And.NotContain("dev ");
    }

    [Fact]
    public async Task Dev_help_lists_the_maintainers_verbs()
    {
        var (exitCode, output) = await RunAsync("dev", "--help");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("verify").And.Contain("new");
    }

    [Fact]
    public async Task Each_verb_has_its_own_help()
    {
        var (exitCode, output) = await RunAsync("check", "--help");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("<slug>").And.Contain("--timeout");
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_that_names_the_closest_verb()
    {
        var (exitCode, output) = await RunAsync("chekc", "lru-cache");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("Unknown verb 'chekc'").And.Contain("check");
    }

    [Fact]
    public async Task An_unknown_kata_is_a_usage_error_that_names_the_closest_kata()
    {
        var (exitCode, output) = await RunAsync("check", "lru-cahce");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("Unknown kata 'lru-cahce'").And.Contain("lru-cache");
    }

    [Fact]
    public async Task A_missing_kata_is_a_usage_error()
    {
        var (exitCode, output) = await RunAsync("check");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("Required argument missing");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Runner.RunAsync(RepositoryLayout.Current, null, args);
}
