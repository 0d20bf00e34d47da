namespace Katas;

/// <summary>
/// The streaming form of <see cref="SlidingWindowMax"/>: values arrive one at a time, and
/// <see cref="Max"/> is at any moment the maximum of the last <see cref="WindowSize"/> of them (of all of
/// them, while fewer have arrived).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add"/> must run in amortized O(1) time (O(n) for n calls, whatever the window size), and
/// <see cref="Max"/> in O(1).
/// </para>
/// <para>
/// Memory must not grow with the window size itself: a tracker for a window of a billion values should
/// cost next to nothing until values arrive. Once warmed up, <see cref="Add"/> allocates nothing.
/// </para>
/// <para>Not thread-safe. See src/Katas.Exercises/SlidingWindowMax/README.md.</para>
/// </remarks>
public sealed class SlidingWindowMaxTracker
{
    /// <summary>Initializes an empty tracker for windows of <paramref name="windowSize"/> values.</summary>
    /// <param name="windowSize">The number of most recent values the maximum is taken over.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowSize"/> is zero or negative.</exception>
    public SlidingWindowMaxTracker(int windowSize)
    {
        throw new NotImplementedException("SlidingWindowMaxTracker: the streaming form of sliding-window-max. Read src/Katas.Exercises/SlidingWindowMax/README.md.");
    }

    /// <summary>Gets the number of most recent values the maximum is taken over.</summary>
    public int WindowSize => throw new NotImplementedException("SlidingWindowMaxTracker.WindowSize is not implemented yet.");

    /// <summary>Gets the number of values in the window: the values added so far, up to <see cref="WindowSize"/>.</summary>
    public int Count => throw new NotImplementedException("SlidingWindowMaxTracker.Count is not implemented yet.");

    /// <summary>Gets the maximum of the values in the window.</summary>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">No value has been added since construction or <see cref="Clear"/>.</exception>
    public int Max => throw new NotImplementedException("SlidingWindowMaxTracker.Max is not implemented yet.");

    /// <summary>Adds a value to the window; the oldest value leaves it when the window is full.</summary>
    /// <param name="value">The value that arrives.</param>
    /// <remarks>Amortized O(1); allocates nothing once warmed up.</remarks>
    public void Add(int value)
    {
        throw new NotImplementedException("SlidingWindowMaxTracker.Add is not implemented yet.");
    }

    /// <summary>Forgets every value; the window size stays.</summary>
    public void Clear()
    {
        throw new NotImplementedException("SlidingWindowMaxTracker.Clear is not implemented yet.");
    }
}
