using System.Diagnostics;

namespace Katas.Cli.Engine;

/// <summary>
/// The child processes the runner has started and not yet seen end, so that every way out of the runner
/// (a normal end, Ctrl+C, a crash of its own) can kill them and their children, and none outlives it.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<Process> Running = [];

    /// <summary>Records a started process.</summary>
    /// <param name="process">The process.</param>
    public static void Track(Process process)
    {
        lock (Gate)
        {
            Running.Add(process);
        }
    }

    /// <summary>Forgets a process that has ended.</summary>
    /// <param name="process">The process.</param>
    public static void Forget(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }
    }

    /// <summary>Kills every process still running, with its children.</summary>
    public static void KillAll()
    {
        Process[] running;
        lock (Gate)
        {
            running = [.. Running];
        }

        foreach (var process in running)
        {
            Kill(process);
        }
    }

    /// <summary>Kills a process and its children, if it is still running; never throws.</summary>
    /// <param name="process">The process.</param>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // It is ending already, or was never ours to kill.
        }
    }
}
