using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// A <see cref="ConcurrentHashMap{TKey, TValue}.GetOrAdd"/> on a thread of its own that parks inside its value
/// factory until released. The contract runs the factory under the key's segment lock, so while it is parked that
/// lock is held: what else still works then is what the map promises about its locks.
/// </summary>
internal sealed class ConcurrentHashMapParkedCall : IDisposable
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _released = new();

    private ConcurrentHashMapParkedCall(ConcurrentHashMap<int, int> map, int key, int value)
    {
        (Thread, Finished) = TestThreads.Start($"GetOrAdd({key}) parked in its factory", () => map.GetOrAdd(key, _ =>
        {
            _entered.Set();

            // Bounded, so that a failed test does not leave the thread parked for ever.
            _released.Wait(3 * TestThreads.Patience);
            return value;
        }));
    }

    /// <summary>Gets the thread making the call.</summary>
    public Thread Thread { get; }

    /// <summary>Gets the call's result, once released.</summary>
    public Task<int> Finished { get; }

    /// <summary>Starts a GetOrAdd of a missing key and waits until its factory is parked.</summary>
    /// <param name="map">The map.</param>
    /// <param name="key">A key the map does not hold.</param>
    /// <param name="value">What the factory returns once released.</param>
    /// <returns>The parked call.</returns>
    /// <exception cref="XunitException">The factory was never called.</exception>
    public static ConcurrentHashMapParkedCall Start(ConcurrentHashMap<int, int> map, int key, int value)
    {
        var call = new ConcurrentHashMapParkedCall(map, key, value);
        if (!call._entered.Wait(TestThreads.Patience))
        {
            call.Dispose();
            throw new XunitException($"GetOrAdd({key}) of a missing key did not call its value factory within {TestThreads.Patience.TotalSeconds:0} s.");
        }

        return call;
    }

    /// <summary>Lets the factory return.</summary>
    public void Release() => _released.Set();

    /// <inheritdoc/>
    public void Dispose()
    {
        Release();
        _entered.Dispose();

        // The factory may still be waking; it no longer needs the event once it has been set.
        if (Finished.IsCompleted)
        {
            _released.Dispose();
        }
    }
}
