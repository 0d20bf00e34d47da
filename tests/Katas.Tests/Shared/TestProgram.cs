using System.Diagnostics;
using System.Globalization;
using Xunit.Runner.InProc.SystemConsole;

namespace Katas.Tests;

/// <summary>
/// The contract tests' entry point (an xunit.v3 test project is a program). Everything is xunit's own
/// runner, with two additions for the kata runner: <c>--stages N</c> runs the tests of stage 1, then of stage
/// 2, and so on up to N, stopping after the first stage with a failure; and, when the environment names the
/// runner's process in <c>KATA_PARENT_PID</c>, the tests end themselves once that process is gone, so that a
/// runner killed outright leaves no test process behind.
/// </summary>
internal static class TestProgram
{
    private const string StagesOption = "--stages";

    /// <summary>Runs the tests.</summary>
    /// <param name="args">xunit's command line, optionally with <c>--stages N</c>.</param>
    /// <returns>0 when every test that ran passed.</returns>
    public static int Main(string[] args)
    {
        if (args.Any(arg => arg is "--server" or "--internal-msbuild-node"))
        {
            // Microsoft Testing Platform mode, which Stryker's mutation runs use.
            return Xunit.MicrosoftTestingPlatform.TestPlatformTestFramework
                .RunAsync(args, SelfRegisteredExtensions.AddSelfRegisteredExtensions).GetAwaiter().GetResult();
        }

        WatchParent();
        int at = Array.IndexOf(args, StagesOption);
        if (at < 0 || at + 1 >= args.Length || !int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out int stages))
        {
            return ConsoleRunner.Run(args).GetAwaiter().GetResult();
        }

        string[] rest = [.. args[..at], .. args[(at + 2)..]];
        for (int stage = 1; stage <= stages; stage++)
        {
            // The markers tell the kata runner where a stage ends, so that it knows which stage failed first.
            Console.Out.WriteLine($"{{\"$type\":\"kata-stage-starting\",\"Stage\":{stage}}}");
            int exitCode = ConsoleRunner.Run([.. rest, "-trait", $"{StageAttribute.TraitName}={stage}"]).GetAwaiter().GetResult();
            Console.Out.WriteLine($"{{\"$type\":\"kata-stage-finished\",\"Stage\":{stage},\"ExitCode\":{exitCode}}}");
            Console.Out.Flush();
            if (exitCode != 0)
            {
                return exitCode;
            }
        }

        return 0;
    }

    // A test process started by the kata runner must not outlive it, even when the runner is killed with no
    // chance to clean up (kill -9, a closed terminal): a background thread ends the process once the runner is gone.
    private static void WatchParent()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("KATA_PARENT_PID"), CultureInfo.InvariantCulture, out int parentId))
        {
            return;
        }

        var watcher = new Thread(() =>
        {
            while (IsRunning(parentId))
            {
                Thread.Sleep(500);
            }

            Environment.Exit(137);
        })
        { IsBackground = true, Name = "kata runner watcher" };
        watcher.Start();
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
