using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The reference tracker, the streaming form of <see cref="SlidingWindowMax"/>: a monotonic deque of values and
/// their positions in a ring that grows by doubling. The contract, member by member, is the stub's XML docs
/// (src/Katas.Exercises/SlidingWindowMax/SlidingWindowMaxTracker.cs); what is said here is how this
/// implementation meets it.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Add"/> runs in amortized O(1) time (O(<see cref="WindowSize"/>) at worst for one call, O(n) for
/// n calls), <see cref="Max"/> in O(1). The tracker keeps a monotonic deque: the values of the window that
/// can still become its maximum, in arrival order and strictly decreasing. A new value first removes every
/// smaller-or-equal value before it (none of them can be the maximum again while it is in the window), and
/// the oldest entry leaves when it slides out of the window. Every value enters once and leaves at most
/// once, hence the amortized bound.
/// </para>
/// <para>
/// Memory grows with the deque, never beyond <see cref="WindowSize"/> entries, and not with the window size
/// itself: a tracker for a window of a billion values costs nothing until values arrive. Once the deque has
/// grown, <see cref="Add"/> allocates nothing.
/// </para>
/// <para>This type is not thread-safe.</para>
/// </remarks>
public sealed class SlidingWindowMaxTracker
{
    private const int InitialEntries = 16;

    // The deque, as a ring of entries: _count of them from _oldest on, wrapping at the end of the array.
    private Entry[] _entries;

    // The slot of the oldest entry of the deque, which holds the window's maximum.
    private int _oldest;

    // The number of entries in the deque.
    private int _count;

    // The number of values added since construction or Clear; the next value's position in the stream.
    private long _added;

    public SlidingWindowMaxTracker(int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        WindowSize = windowSize;
        _entries = new Entry[Math.Min(windowSize, InitialEntries)];
    }

    public int WindowSize { get; }

    public int Count => (int)Math.Min(_added, WindowSize);

    public int Max
    {
        get
        {
            if (_count == 0)
            {
                ThrowEmpty();
            }

            return _entries[_oldest].Value;
        }
    }

    public void Add(int value)
    {
        long position = _added++;

        // The oldest entry leaves once it is WindowSize or more positions back. At most one can: positions
        // of the deque are distinct, and only one reaches the edge per step.
        if (_count > 0 && _entries[_oldest].Position <= position - WindowSize)
        {
            _oldest = Next(_oldest);
            _count--;
        }

        // Remove from the newest end every value that the new one outlives and equals or beats.
        while (_count > 0)
        {
            int newest = SlotOf(_count - 1);
            if (_entries[newest].Value > value)
            {
                break;
            }

            _count--;
        }

        if (_count == _entries.Length)
        {
            Grow();
        }

        _entries[SlotOf(_count)] = new Entry(value, position);
        _count++;
        AssertInvariants();
    }

    public void Clear()
    {
        _oldest = 0;
        _count = 0;
        _added = 0;
    }

    private int Next(int slot) => slot + 1 == _entries.Length ? 0 : slot + 1;

    private int SlotOf(int index)
    {
        int slot = _oldest + index;
        return slot >= _entries.Length ? slot - _entries.Length : slot;
    }

    private void Grow()
    {
        // The deque holds at most WindowSize entries (one per position in the window), so growth stops there.
        Debug.Assert(_count < WindowSize, "A full-size deque never needs to grow.");
        var entries = new Entry[(int)Math.Min((long)_entries.Length * 2, WindowSize)];
        for (int index = 0; index < _count; index++)
        {
            entries[index] = _entries[SlotOf(index)];
        }

        _entries = entries;
        _oldest = 0;
    }

    [DoesNotReturn]
    private static void ThrowEmpty() => throw new InvalidOperationException("No value has been added to the window yet.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_count > 0 && _count <= Math.Min(_added, WindowSize), "The deque holds the newest value and at most one entry per position in the window.");
        Debug.Assert(_entries[SlotOf(_count - 1)].Position == _added - 1, "The newest value is always in the deque.");
        Debug.Assert(_entries[_oldest].Position > _added - 1 - WindowSize, "The oldest entry is inside the window.");
    }

    // A value of the deque and its position in the stream, which says when it slides out of the window.
    private readonly record struct Entry(int Value, long Position);
}
