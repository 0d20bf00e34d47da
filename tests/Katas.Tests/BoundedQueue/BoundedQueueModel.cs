namespace Katas.Tests;

/// <summary>A bounded queue too simple to be wrong, for one thread: a <see cref="Queue{T}"/>, a capacity and a flag.</summary>
internal sealed class BoundedQueueModel(int capacity)
{
    private readonly Queue<int> _items = new();

    public int Count => _items.Count;

    public bool IsAddingCompleted { get; private set; }

    public bool IsCompleted => IsAddingCompleted && _items.Count == 0;

    /// <summary>What TryEnqueue without waiting does: true, false, or "throws" once adding is complete.</summary>
    public string TryEnqueue(int item)
    {
        if (IsAddingCompleted)
        {
            return "throws InvalidOperationException";
        }

        if (_items.Count == capacity)
        {
            return "false";
        }

        _items.Enqueue(item);
        return "true";
    }

    /// <summary>What TryDequeue without waiting does: the item taken, or "none".</summary>
    public string TryDequeue() => _items.TryDequeue(out int item) ? item.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";

    public void CompleteAdding() => IsAddingCompleted = true;

    public IEnumerable<int> Items => _items;
}
