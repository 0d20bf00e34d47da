namespace Katas.Cli;

/// <summary>The runner's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success: the command did what was asked, and every test it ran passed.</summary>
    public const int Success = 0;

    /// <summary>Some test failed, the attempt did not compile, or a benchmark failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown verb, kata or option.</summary>
    public const int UsageError = 2;
}
