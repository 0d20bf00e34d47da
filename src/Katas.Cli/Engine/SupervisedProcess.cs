using System.Diagnostics;

namespace Katas.Cli.Engine;

/// <summary>How a supervised process ended.</summary>
internal enum ProcessEnd
{
    /// <summary>It exited by itself; its exit code says how.</summary>
    Exited,

    /// <summary>It ran past its time limit and was killed.</summary>
    TimedOut,

    /// <summary>The runner was cancelled (Ctrl+C) and killed it.</summary>
    Cancelled,

    /// <summary>The caller had seen enough (the first failure, when one is all it needs) and killed it.</summary>
    Stopped,

    /// <summary>It printed more than its output budget and was killed.</summary>
    OutputFlood,
}

/// <summary>What a supervised process is started with.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments, each passed as is.</param>
/// <param name="WorkingDirectory">The folder it runs in.</param>
internal sealed record ProcessStart(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Gets environment variables to set for the process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets how long it may run.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the most bytes it may print, on both streams together, before it is killed.</summary>
    public long OutputBudget { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Gets a handler of each line of standard output, given the line and how many characters were cut from it;
    /// returns whether it took the line. Lines it does not take are kept in <see cref="ProcessResult.Output"/>.
    /// </summary>
    public Func<string, long, bool>? OnOutputLine { get; init; }
}

/// <summary>The end of a supervised process.</summary>
/// <param name="ExitCode">The exit code when <paramref name="End"/> is <see cref="ProcessEnd.Exited"/>; -1 otherwise.</param>
/// <param name="End">How it ended.</param>
/// <param name="Output">The start and end of what it printed on standard output that no handler took.</param>
/// <param name="Errors">The start and end of what it printed on standard error.</param>
/// <param name="BytesPrinted">How many bytes it printed on both streams.</param>
internal sealed record ProcessResult(int ExitCode, ProcessEnd End, BoundedText Output, BoundedText Errors, long BytesPrinted)
{
    /// <summary>Gets both streams' kept text, output first.</summary>
    public string AllText => string.Join('\n', new[] { Output.ToString(), Errors.ToString() }.Where(text => text.Length > 0));
}

/// <summary>
/// Runs a child process under supervision: a time limit, an output budget, bounded memory for what it prints,
/// and a kill of its whole process tree on every way out.
/// </summary>
internal static class SupervisedProcess
{
    // How long the streams may stay open after the process exited: a grandchild that inherited them (a
    // compiler server, an orphan of the attempt) must not keep the runner waiting.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    /// <summary>Runs a process to its end, or until it is stopped.</summary>
    /// <param name="start">What to run.</param>
    /// <param name="stop">Cancelled by the caller to stop the process early (reported as <see cref="ProcessEnd.Stopped"/>).</param>
    /// <param name="cancellationToken">Ctrl+C: kills the process (reported as <see cref="ProcessEnd.Cancelled"/>).</param>
    /// <returns>How it ended.</returns>
    public static async Task<ProcessResult> RunAsync(ProcessStart start, CancellationToken stop, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(start.FileName)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in start.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Quiet, predictable child output: no telemetry banner, no first-run text, no colours.
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in start.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var output = new BoundedText();
        var errors = new BoundedText();
        long printed = 0;
        using var flood = new CancellationTokenSource();
        using var limit = new CancellationTokenSource(start.TimeLimit);
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stop, cancellationToken, flood.Token, limit.Token);
        using var process = new Process { StartInfo = startInfo };
        process.Start();
        ChildProcesses.Track(process);
        try
        {
            process.StandardInput.Close();
            void Count(int bytes)
            {
                if (Interlocked.Add(ref printed, bytes) > start.OutputBudget)
                {
                    flood.Cancel();
                }
            }

            using var drain = new CancellationTokenSource();
            var reading = Task.WhenAll(
                LineSplitter.ReadAsync(process.StandardOutput.BaseStream, (line, cut) =>
                {
                    if (start.OnOutputLine?.Invoke(line, cut) != true)
                    {
                        output.CountCut(cut);
                        output.AppendLine(line);
                    }
                }, Count, drain.Token),
                LineSplitter.ReadAsync(process.StandardError.BaseStream, (line, cut) =>
                {
                    errors.CountCut(cut);
                    errors.AppendLine(line);
                }, Count, drain.Token));

            ProcessEnd how = ProcessEnd.Exited;
            try
            {
                await process.WaitForExitAsync(end.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                how = cancellationToken.IsCancellationRequested ? ProcessEnd.Cancelled
                    : flood.IsCancellationRequested ? ProcessEnd.OutputFlood
                    : stop.IsCancellationRequested ? ProcessEnd.Stopped
                    : ProcessEnd.TimedOut;
                ChildProcesses.Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            drain.CancelAfter(DrainLimit);
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A grandchild holds the streams open; what was read is what there is.
            }

            return new ProcessResult(how == ProcessEnd.Exited ? process.ExitCode : -1, how, output, errors, Interlocked.Read(ref printed));
        }
        finally
        {
            ChildProcesses.Kill(process);
            ChildProcesses.Forget(process);
        }
    }
}
