using Katas.Cli.Running;

namespace Katas.Cli.Tests;

public sealed class CompilerMessageTests
{
    [Fact]
    public void A_compiler_error_is_read_with_its_file_position_code_and_text()
    {
        const string Output = "/repo/src/Katas.Exercises/LruCache/LruCache.cs(12,5): error CS1002: ; expected [/repo/src/Katas.Exercises/Katas.Exercises.csproj]";

        var errors = CompilerMessage.ParseErrors(Output);

        errors.Should().Equal(new CompilerMessage("/repo/src/Katas.Exercises/LruCache/LruCache.cs", 12, 5, "CS1002", "; expected"));
    }

    [Fact]
    public void Repeated_errors_are_reported_once_and_warnings_not_at_all()
    {
        const string Output = """
            /r/A.cs(1,2): error CS0103: The name 'x' does not exist in the current context [/r/A.csproj]
            /r/A.cs(3,4): warning CS0168: The variable 'y' is declared but never used [/r/A.csproj]
            /r/A.cs(1,2): error CS0103: The name 'x' does not exist in the current context [/r/A.csproj]
            """;

        var errors = CompilerMessage.ParseErrors(Output);

        errors.Should().ContainSingle().Which.Code.Should().Be("CS0103");
    }

    [Fact]
    public void A_project_level_error_has_no_file()
    {
        var errors = CompilerMessage.ParseErrors("MSBUILD : error MSB1009: Project file does not exist.");

        errors.Should().ContainSingle().Which.Should().Be(new CompilerMessage(null, 0, 0, "MSB1009", "Project file does not exist."));
    }

    [Fact]
    public void Output_without_errors_gives_none()
    {
        CompilerMessage.ParseErrors("Build succeeded.\n    0 Error(s)\n").Should().BeEmpty();
    }
}
