namespace Katas.Cli.Tests;

/// <summary>
/// Finds the test processes the runner started for these tests (their command line names the tests' state
/// folder), to prove that none outlives a check. Reads /proc, so it works on Linux only.
/// </summary>
internal static class TestProcesses
{
    /// <summary>Gets whether processes can be listed here.</summary>
    public static bool CanList => OperatingSystem.IsLinux();

    /// <summary>Lists the live processes whose command line holds a text.</summary>
    /// <param name="marker">The text, such as the tests' state folder.</param>
    /// <returns>Their ids.</returns>
    public static IReadOnlyList<int> Containing(string marker)
    {
        var found = new List<int>();
        foreach (string folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out int id) || id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                string commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal) && !IsZombie(folder))
                {
                    found.Add(id);
                }
            }
            catch (IOException)
            {
                // It ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Waits until a process holding the text in its command line runs, or the patience runs out.</summary>
    /// <param name="marker">The text.</param>
    /// <param name="patience">How long to wait.</param>
    /// <returns>The first such process's id, or <see langword="null"/>.</returns>
    public static async Task<int?> WaitForAsync(string marker, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Containing(marker) is [var id, ..])
            {
                return id;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return null;
    }

    /// <summary>Waits until no process holds the text in its command line, or the patience runs out.</summary>
    /// <param name="marker">The text.</param>
    /// <param name="patience">How long to wait.</param>
    /// <returns>The processes still running at the end: none when all ended.</returns>
    public static async Task<IReadOnlyList<int>> WaitUntilNoneAsync(string marker, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        IReadOnlyList<int> left = Containing(marker);
        while (left.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            left = Containing(marker);
        }

        return left;
    }

    private static bool IsZombie(string folder)
    {
        string status = File.ReadAllText(Path.Combine(folder, "stat"));
        int close = status.LastIndexOf(')');
        return close > 0 && close + 2 < status.Length && status[close + 2] == 'Z';
    }
}
