using System.Diagnostics;
using System.Text;

namespace Katas.Cli.Running;

/// <summary>The end of a child process: its exit code and what it printed, or that it was stopped.</summary>
/// <param name="ExitCode">The exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
/// <param name="TimedOut">Whether the process ran past its time limit and was killed.</param>
internal sealed record ProcessResult(int ExitCode, string Output, bool TimedOut);

/// <summary>Runs child processes (dotnet build, the test executables) with a time limit.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs a program to its end, or kills it with its children once the time limit passes.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as is.</param>
    /// <param name="workingDirectory">The folder it runs in.</param>
    /// <param name="timeLimit">How long it may run.</param>
    /// <param name="onLine">Called with each line of output as it arrives, if given.</param>
    /// <param name="environment">Environment variables to set for the process, if any.</param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    /// <returns>The result.</returns>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeLimit,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Quiet, predictable child output: no telemetry banner, no first-run text, no colours.
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        void Receive(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            onLine?.Invoke(e.Data);
        }

        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // WaitForExitAsync returns once the output streams are drained, so the text is complete here.
        lock (output)
        {
            return new ProcessResult(timedOut ? -1 : process.ExitCode, output.ToString(), timedOut);
        }
    }
}
