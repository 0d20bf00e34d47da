using System.Text;

namespace Katas.Cli.Engine;

/// <summary>
/// Keeps the start and the end of a text that may be endless, such as what a learner's attempt prints: the
/// first lines up to a budget and the last lines up to another, and counts what it dropped in between. Its
/// memory stays bounded whatever is written to it.
/// </summary>
/// <param name="headCharacters">How many characters of the start to keep.</param>
/// <param name="tailCharacters">How many characters of the end to keep.</param>
internal sealed class BoundedText(int headCharacters = 16 * 1024, int tailCharacters = 16 * 1024)
{
    private readonly Lock _gate = new();

    // The first lines, until they reach headCharacters.
    private readonly StringBuilder _head = new();

    // The latest lines after the head is full, oldest first, at most tailCharacters in all.
    private readonly Queue<string> _tail = new();

    private int _tailLength;

    /// <summary>Gets the number of lines dropped between the head and the tail.</summary>
    public long DroppedLines { get; private set; }

    /// <summary>Gets the number of characters dropped between the head and the tail, or cut from overlong lines.</summary>
    public long DroppedCharacters { get; private set; }

    /// <summary>Gets the number of lines written.</summary>
    public long Lines { get; private set; }

    /// <summary>Adds a line.</summary>
    /// <param name="line">The line, without its line break.</param>
    public void AppendLine(string line)
    {
        lock (_gate)
        {
            Lines++;
            if (_tail.Count == 0 && _head.Length + line.Length + 1 <= headCharacters)
            {
                _head.Append(line).Append('\n');
                return;
            }

            if (line.Length > tailCharacters)
            {
                DroppedCharacters += line.Length - tailCharacters;
                line = line[^tailCharacters..];
            }

            _tail.Enqueue(line);
            _tailLength += line.Length + 1;
            while (_tailLength > tailCharacters)
            {
                string dropped = _tail.Dequeue();
                _tailLength -= dropped.Length + 1;
                DroppedLines++;
                DroppedCharacters += dropped.Length + 1;
            }
        }
    }

    /// <summary>Counts characters cut off a line before it was added.</summary>
    /// <param name="characters">How many.</param>
    public void CountCut(long characters)
    {
        lock (_gate)
        {
            DroppedCharacters += characters;
        }
    }

    /// <summary>Gets whether nothing was written.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return Lines == 0;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder(_head.ToString());
            if (DroppedLines > 0 || DroppedCharacters > 0)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"[... {DroppedLines:N0} lines and {DroppedCharacters:N0} characters dropped ...]\n");
            }

            foreach (string line in _tail)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString().TrimEnd('\n');
        }
    }
}
