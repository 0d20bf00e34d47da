namespace Katas;

/// <summary>
/// The streaming form, with the same monotonic deque as <see cref="SlidingWindowMax"/>: each candidate is kept
/// with its position in the stream, which says when it leaves the window, in a ring that grows by doubling up
/// to the window size. The contract is the stub's XML docs (src/Katas.Exercises/SlidingWindowMax/).
/// </summary>
public sealed class SlidingWindowMaxTracker
{
    // The candidates, oldest first, their values strictly decreasing: _count of them from slot _front on.
    private (int Value, long Position)[] _deque;
    private int _front;
    private int _count;

    // The number of values added since construction or Clear: the next value's position.
    private long _added;

    public SlidingWindowMaxTracker(int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        WindowSize = windowSize;
        _deque = new (int, long)[Math.Min(windowSize, 16)];
    }

    public int WindowSize { get; }

    public int Count => (int)Math.Min(_added, WindowSize);

    public int Max => _count == 0 ? throw new InvalidOperationException("No value has been added yet.") : _deque[_front].Value;

    public void Add(int value)
    {
        long position = _added++;
        if (_count > 0 && _deque[_front].Position <= position - WindowSize)
        {
            _front = (_front + 1) % _deque.Length;
            _count--;
        }

        while (_count > 0 && _deque[(_front + _count - 1) % _deque.Length].Value <= value)
        {
            _count--;
        }

        // Full, so the deque holds fewer than WindowSize entries (one per position still in the window): grow.
        if (_count == _deque.Length)
        {
            var larger = new (int, long)[Math.Min(_deque.Length * 2L, WindowSize)];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = _deque[(_front + i) % _deque.Length];
            }

            _deque = larger;
            _front = 0;
        }

        _deque[(_front + _count) % _deque.Length] = (value, position);
        _count++;
    }

    public void Clear() => (_front, _count, _added) = (0, 0, 0);
}
