using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// One key's versions in the reference <see cref="TimeMap{TKey, TValue}"/>: its timestamps and its values in two
/// arrays, the versions held being the window [start, end) of them, in strictly rising order of timestamp.
/// </summary>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// A mutable struct that lives in the map's dictionary entry and is only ever used through a reference to it: a
/// copy would take the writes and leave the entry as it was. The default value is an empty history.
/// </remarks>
internal struct TimeMapHistory<TValue>
{
    // The length of a history's first arrays: most keys of a time map have few versions.
    private const int FirstLength = 4;

    // The versions' timestamps, strictly rising over [_start, _end); null until the first write.
    private long[]? _timestamps;

    // The versions' values, each at the index of its timestamp; null until the first write.
    private TValue[]? _values;

    // The index of the oldest version held; the slots before it are free (dropped by the retention).
    private int _start;

    // One past the index of the newest version held; the slots from it on are free.
    private int _end;

    /// <summary>Looks up the value of the last version at or before a timestamp.</summary>
    /// <param name="timestamp">The time to look at.</param>
    /// <param name="value">The value found; otherwise the default value.</param>
    /// <returns>Whether there is such a version.</returns>
    public readonly bool TryGet(long timestamp, [MaybeNullWhen(false)] out TValue value)
    {
        int index = Find(timestamp);
        if (index >= 0)
        {
            value = _values![index];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Writes a version, then drops those the retention no longer needs.</summary>
    /// <param name="timestamp">The version's timestamp, zero or more.</param>
    /// <param name="value">Its value.</param>
    /// <param name="retention">The map's retention, zero or more.</param>
    /// <returns>How the number of versions held changed: 1 for a new version, less what the retention dropped.</returns>
    public int Set(long timestamp, TValue value, long retention)
    {
        int end = _end;
        if (end == _start || _timestamps![end - 1] < timestamp)
        {
            // In order, the common case: an append.
            Append(timestamp, value);
        }
        else if (_timestamps[end - 1] == timestamp)
        {
            _values![end - 1] = value;
            return 0;
        }
        else
        {
            int before = Find(timestamp);
            if (before >= 0 && _timestamps[before] == timestamp)
            {
                _values![before] = value;
                return 0;
            }

            // The write goes in after the last version before it, or first. First, it is dropped at once when the
            // oldest version held is at or before the horizon: it would never be the answer to a lookup.
            int position = before >= 0 ? before + 1 : _start;
            if (position == _start && _timestamps[_start] <= _timestamps[end - 1] - retention)
            {
                return 0;
            }

            Insert(position, timestamp, value);
        }

        return 1 - Trim(retention);
    }

    // The index of the last version at or before the timestamp, or -1 when there is none.
    private readonly int Find(long timestamp)
    {
        int start = _start;
        int last = _end - 1;
        if (last < start)
        {
            return -1;
        }

        long[] timestamps = _timestamps!;
        if (timestamp >= timestamps[last])
        {
            // The latest value, the lookup asked most often, costs one comparison.
            return last;
        }

        if (timestamp < timestamps[start])
        {
            return -1;
        }

        // The answer is in [low, low + length), with timestamps[low] <= timestamp < timestamps[low + length] all
        // along. Each step halves the length without a branch to mispredict (the JIT makes the choice a cmov),
        // and reads a slot below low + length <= last, inside the array, so the read needs no bounds check.
        int low = start;
        int length = last - start;
        ref long first = ref MemoryMarshal.GetArrayDataReference(timestamps);
        while (length > 1)
        {
            int half = length >> 1;
            low = Unsafe.Add(ref first, low + half) <= timestamp ? low + half : low;
            length -= half;
        }

        return low;
    }

    private void Append(long timestamp, TValue value)
    {
        if (_timestamps is null || _end == _timestamps.Length)
        {
            MakeRoomAtTheEnd();
        }

        _timestamps![_end] = timestamp;
        _values![_end] = value;
        _end++;
        AssertInvariants();
    }

    // A late write: only the versions after it move, so its cost is the number of versions newer than it.
    private void Insert(int position, long timestamp, TValue value)
    {
        if (_end == _timestamps!.Length)
        {
            int offset = position - _start;
            MakeRoomAtTheEnd();
            position = _start + offset;
        }

        long[] timestamps = _timestamps!;
        TValue[] values = _values!;
        Array.Copy(timestamps, position, timestamps, position + 1, _end - position);
        Array.Copy(values, position, values, position + 1, _end - position);
        timestamps[position] = timestamp;
        values[position] = value;
        _end++;
        AssertInvariants();
    }

    // Drops the versions that a newer one at or before the horizon has superseded; returns how many.
    private int Trim(long retention)
    {
        long[] timestamps = _timestamps!;
        int last = _end - 1;
        long horizon = timestamps[last] - retention;
        int start = _start;
        while (start < last && timestamps[start + 1] <= horizon)
        {
            start++;
        }

        int dropped = start - _start;
        if (dropped > 0)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
            {
                // Let the dropped values be collected.
                Array.Clear(_values!, _start, dropped);
            }

            _start = start;
            AssertInvariants();
        }

        return dropped;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeRoomAtTheEnd()
    {
        if (_timestamps is null)
        {
            _timestamps = new long[FirstLength];
            _values = new TValue[FirstLength];
            return;
        }

        int count = _end - _start;
        int length = _timestamps.Length;
        if (count <= length / 2)
        {
            // Half the slots or more were dropped: sliding the window back to the front frees them for as many
            // appends as it moved versions, so each dropped version costs O(1), and the arrays stop growing.
            Array.Copy(_timestamps, _start, _timestamps, 0, count);
            Array.Copy(_values!, _start, _values!, 0, count);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
            {
                Array.Clear(_values!, count, _end - count);
            }
        }
        else
        {
            // Doubling keeps appends amortized O(1); Array.MaxLength caps it, as in List<T>.
            int newLength = (int)Math.Min(2L * length, Array.MaxLength);
            if (newLength == length)
            {
                throw new InvalidOperationException("A key of this time map cannot hold more versions.");
            }

            var timestamps = new long[newLength];
            var values = new TValue[newLength];
            Array.Copy(_timestamps, _start, timestamps, 0, count);
            Array.Copy(_values!, _start, values, 0, count);
            _timestamps = timestamps;
            _values = values;
        }

        _start = 0;
        _end = count;
        AssertInvariants();
    }

    [Conditional("DEBUG")]
    private readonly void AssertInvariants()
    {
        // Constant time only: the growth tests run against a Debug build.
        Debug.Assert(_start >= 0 && _start <= _end && _end <= (_timestamps?.Length ?? 0), "The window lies within the arrays.");
        Debug.Assert(_values?.Length == _timestamps?.Length, "The two arrays have the same length.");
        Debug.Assert(_end - _start < 2 || _timestamps![_start] < _timestamps[_end - 1], "The oldest version is older than the newest.");
    }
}
