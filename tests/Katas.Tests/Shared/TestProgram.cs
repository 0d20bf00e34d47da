using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Xunit.Runner.InProc.SystemConsole;

namespace Katas.Tests;

/// <summary>
/// The contract tests' entry point (an xunit.v3 test project is a program). Everything is xunit's own
/// runner, with three additions for the kata runner: <c>--stages N</c> runs the tests of stage 1, then of
/// stage 2, and so on up to N, stopping after the first stage with a failure (<c>--stages all</c> runs every
/// test at once), and says where each stage starts and ends and that the run finished; <c>--kata-list</c>
/// lists every test method with its stage and where it is written, without running anything; and, when the
/// environment names the runner's process in <c>KATA_PARENT_PID</c>, the tests end themselves once that
/// process is gone, so that a runner killed outright leaves no test process behind.
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

        if (args is ["--kata-list"])
        {
            ListTests();
            return 0;
        }

        WatchParent();
        int at = Array.IndexOf(args, StagesOption);
        if (at < 0 || at + 1 >= args.Length)
        {
            return ConsoleRunner.Run(args).GetAwaiter().GetResult();
        }

        string[] rest = [.. args[..at], .. args[(at + 2)..]];
        int exitCode = args[at + 1] == "all"
            ? ConsoleRunner.Run(rest).GetAwaiter().GetResult()
            : RunStages(rest, int.Parse(args[at + 1], CultureInfo.InvariantCulture));

        // Without this marker the runner knows the process ended early: it crashed, or the attempt ended it.
        Console.Out.WriteLine($"{{\"$type\":\"kata-run-finished\",\"ExitCode\":{exitCode}}}");
        Console.Out.Flush();
        return exitCode;
    }

    private static int RunStages(string[] args, int stages)
    {
        for (int stage = 1; stage <= stages; stage++)
        {
            // The markers tell the kata runner where a stage ends, so that it knows which stage failed first.
            Console.Out.WriteLine($"{{\"$type\":\"kata-stage-starting\",\"Stage\":{stage}}}");
            int exitCode = ConsoleRunner.Run([.. args, "-trait", $"{StageAttribute.TraitName}={stage}"]).GetAwaiter().GetResult();
            Console.Out.WriteLine($"{{\"$type\":\"kata-stage-finished\",\"Stage\":{stage},\"ExitCode\":{exitCode}}}");
            Console.Out.Flush();
            if (exitCode != 0)
            {
                return exitCode;
            }
        }

        return 0;
    }

    // One JSON line per test method: its class, name, stage (0 when it has none) and where it is written.
    private static void ListTests()
    {
        using var output = Console.OpenStandardOutput();
        foreach (var type in typeof(TestProgram).Assembly.GetTypes().Where(type => type.IsPublic && !type.IsAbstract))
        {
            foreach (var method in type.GetMethods())
            {
                if (method.GetCustomAttribute<FactAttribute>() is not { Explicit: false } fact)
                {
                    continue;
                }

                var stage = method.GetCustomAttribute<StageAttribute>() ?? type.GetCustomAttribute<StageAttribute>();
                using var json = new Utf8JsonWriter(output);
                json.WriteStartObject();
                json.WriteString("$type", "kata-test");
                json.WriteString("Class", type.FullName);
                json.WriteString("Method", method.Name);
                json.WriteNumber("Stage", stage?.Number ?? 0);
                json.WriteString("File", fact.SourceFilePath);
                json.WriteNumber("Line", fact.SourceLineNumber ?? 0);
                json.WriteEndObject();
                json.Flush();
                output.WriteByte((byte)'\n');
            }
        }
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
