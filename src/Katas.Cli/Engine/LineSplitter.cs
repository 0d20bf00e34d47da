using System.Text;

namespace Katas.Cli.Engine;

/// <summary>
/// Splits a stream into lines with bounded memory: a line longer than <see cref="MaxLineLength"/> is cut, and
/// the rest of it is counted and thrown away, so that an attempt printing a gigabyte on one line cannot make
/// the runner run out of memory.
/// </summary>
internal static class LineSplitter
{
    /// <summary>The longest line kept whole, in characters.</summary>
    public const int MaxLineLength = 1024 * 1024;

    /// <summary>Reads a stream to its end, calling back for each line.</summary>
    /// <param name="stream">The stream, UTF-8.</param>
    /// <param name="onLine">Called with each line (cut to <see cref="MaxLineLength"/>) and how many characters were cut from it.</param>
    /// <param name="onBytes">Called with the number of bytes of each read, for a budget.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>A task that completes at the end of the stream.</returns>
    public static async Task ReadAsync(Stream stream, Action<string, long> onLine, Action<int> onBytes, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(false).GetDecoder();
        byte[] bytes = new byte[64 * 1024];
        char[] chars = new char[bytes.Length + 1];
        var line = new StringBuilder();
        long cut = 0;
        int read;
        while ((read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            onBytes(read);
            int count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            int start = 0;
            for (int index = 0; index < count; index++)
            {
                if (chars[index] != '\n')
                {
                    continue;
                }

                Append(chars.AsSpan(start, index - start));
                Flush();
                start = index + 1;
            }

            Append(chars.AsSpan(start, count - start));
        }

        if (line.Length > 0 || cut > 0)
        {
            Flush();
        }

        void Append(ReadOnlySpan<char> text)
        {
            int room = MaxLineLength - line.Length;
            if (text.Length > room)
            {
                cut += text.Length - room;
                text = text[..room];
            }

            line.Append(text);
        }

        void Flush()
        {
            if (line.Length > 0 && line[^1] == '\r')
            {
                line.Length--;
            }

            onLine(line.ToString(), cut);
            line.Clear();
            cut = 0;
        }
    }
}
