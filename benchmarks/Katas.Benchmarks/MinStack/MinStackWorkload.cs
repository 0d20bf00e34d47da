namespace Katas.Benchmarks;

/// <summary>The three calls the min stack workload makes; implemented by small structs so the JIT specializes the loop for each stack.</summary>
public interface IMinStackOperations
{
    /// <summary>Pushes an item.</summary>
    /// <param name="item">The item.</param>
    void Push(int item);

    /// <summary>Reads the minimum.</summary>
    /// <returns>The smallest item on the stack.</returns>
    int Min();

    /// <summary>Pops the top item.</summary>
    /// <returns>The item.</returns>
    int Pop();
}

/// <summary>Replays the min stack workload: push every item, reading the minimum after each push, then pop them all.</summary>
public static class MinStackWorkload
{
    /// <summary>Runs the workload once.</summary>
    /// <typeparam name="TStack">The stack's operations; a struct, so that the calls are not virtual.</typeparam>
    /// <param name="stack">The stack, empty on entry and on return.</param>
    /// <param name="items">The items to push, in order.</param>
    /// <returns>A checksum of the minima and the popped items, so nothing is optimized away.</returns>
    public static int Run<TStack>(TStack stack, int[] items)
        where TStack : struct, IMinStackOperations
    {
        int checksum = 0;
        foreach (int item in items)
        {
            stack.Push(item);
            checksum += stack.Min();
        }

        for (int i = 0; i < items.Length; i++)
        {
            checksum ^= stack.Pop();
        }

        return checksum;
    }
}

/// <summary>
/// The min stack a candidate writes first: a list, with the minimum found by scanning it, O(n) per
/// <see cref="Min"/>.
/// </summary>
public sealed class MinStackByScanning
{
    private readonly List<int> _items = [];

    /// <summary>Pushes an item.</summary>
    /// <param name="item">The item.</param>
    public void Push(int item) => _items.Add(item);

    /// <summary>Pops the top item.</summary>
    /// <returns>The item.</returns>
    public int Pop()
    {
        int item = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        return item;
    }

    /// <summary>Scans for the minimum.</summary>
    /// <returns>The smallest item.</returns>
    public int Min()
    {
        int min = _items[0];
        foreach (int item in _items)
        {
            min = Math.Min(min, item);
        }

        return min;
    }
}
