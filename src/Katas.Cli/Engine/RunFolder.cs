using System.Diagnostics;
using System.Globalization;

namespace Katas.Cli.Engine;

/// <summary>
/// The folder of one check, under <c>.kata/runs</c>: the attempt's assemblies, the test program and a written-out
/// mistake recipe live here and nowhere else, so that a watch, a check and a verify running at once never touch
/// each other's files. Deleted when the check ends; folders left by a runner that died are deleted by the next.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    private static int s_counter;

    private RunFolder(string path) => Path = path;

    /// <summary>Gets the folder's path.</summary>
    public string Path { get; }

    /// <summary>Creates a fresh folder for a check.</summary>
    /// <param name="stateFolder">The runner's <c>.kata</c> folder.</param>
    /// <returns>The folder.</returns>
    public static RunFolder Create(string stateFolder)
    {
        string runs = System.IO.Path.Combine(stateFolder, "runs");
        Directory.CreateDirectory(runs);
        DeleteOrphans(runs);
        int id = Environment.ProcessId;
        string name = string.Create(CultureInfo.InvariantCulture, $"{id}-{Interlocked.Increment(ref s_counter)}-{Guid.NewGuid():N}")[..32];
        return new RunFolder(Directory.CreateDirectory(System.IO.Path.Combine(runs, name)).FullName);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KATA_KEEP_RUNS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still in use (a test process that is being killed); the next check deletes it.
        }
        catch (UnauthorizedAccessException)
        {
            // The same, on Windows.
        }
    }

    // A folder whose runner process is gone was left by a runner that was killed; its name starts with that process's id.
    private static void DeleteOrphans(string runs)
    {
        foreach (string folder in Directory.GetDirectories(runs))
        {
            string name = System.IO.Path.GetFileName(folder);
            if (int.TryParse(name.AsSpan(0, Math.Max(0, name.IndexOf('-', StringComparison.Ordinal))), CultureInfo.InvariantCulture, out int owner)
                && owner != Environment.ProcessId && !IsRunning(owner))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
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
