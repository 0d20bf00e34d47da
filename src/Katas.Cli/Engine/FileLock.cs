namespace Katas.Cli.Engine;

/// <summary>
/// A lock between processes on a file: held while the file is open for exclusive use, released on dispose or
/// when the holder dies. It keeps two runners (a watch and a check, or the parallel candidates of a verify)
/// from preparing the same thing at the same time.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock is free, then takes it.</summary>
    /// <param name="path">The lock file; created if missing.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The held lock.</returns>
    public static async Task<FileLock> TakeAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
