using System.Globalization;
using System.Text;

namespace Katas.Tests;

/// <summary>One call of a concurrent history: who made it, what it was, what it returned, and when.</summary>
/// <typeparam name="TOperation">What the call was, with its arguments.</typeparam>
/// <typeparam name="TResult">What it returned.</typeparam>
/// <param name="Thread">The index of the thread that made it.</param>
/// <param name="Operation">What the call was.</param>
/// <param name="Result">What it returned.</param>
/// <param name="Began">The shared clock just before the call.</param>
/// <param name="Returned">The shared clock just after it returned.</param>
public sealed record ConcurrentCall<TOperation, TResult>(int Thread, TOperation Operation, TResult Result, long Began, long Returned);

/// <summary>
/// Records the calls several threads make on one structure, each stamped on a shared clock when it begins
/// and when it returns, so that <see cref="Linearizability"/> can tell which calls overlapped.
/// </summary>
/// <typeparam name="TOperation">What a call is, with its arguments.</typeparam>
/// <typeparam name="TResult">What a call returns.</typeparam>
/// <param name="threads">How many threads will record calls; each records only under its own index.</param>
public sealed class ConcurrentHistory<TOperation, TResult>(int threads)
{
    // Each thread's calls, in its own order; a thread touches only its own list.
    private readonly List<ConcurrentCall<TOperation, TResult>>[] _calls =
        [.. Enumerable.Range(0, threads).Select(_ => new List<ConcurrentCall<TOperation, TResult>>())];

    // The shared clock: every stamp is a fresh tick, so no two stamps are equal.
    private long _clock;

    /// <summary>Makes a call on behalf of a thread and records it with its stamps.</summary>
    /// <param name="thread">The index of the calling thread.</param>
    /// <param name="operation">What the call is.</param>
    /// <param name="call">The call itself.</param>
    /// <returns>What the call returned.</returns>
    public TResult Record(int thread, TOperation operation, Func<TResult> call)
    {
        long began = Interlocked.Increment(ref _clock);
        var result = call();
        _calls[thread].Add(new(thread, operation, result, began, Interlocked.Increment(ref _clock)));
        return result;
    }

    /// <summary>Gets every call, in the order they began. Read it only after every thread has finished.</summary>
    public IReadOnlyList<ConcurrentCall<TOperation, TResult>> Calls => [.. _calls.SelectMany(calls => calls).OrderBy(call => call.Began)];

    /// <summary>Prints the history a thread per line, each call with the clock when it began and when it returned.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder(
            "Each call shows [clock when it began, clock when it returned]; calls whose brackets overlap may take effect in either order.");
        for (int thread = 0; thread < _calls.Length; thread++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nthread {thread}:");
            foreach (var call in _calls[thread])
            {
                text.Append(CultureInfo.InvariantCulture,
                    $" {Structural.Format(call.Operation)} = {Structural.Format(call.Result)} [{call.Began}, {call.Returned}];");
            }
        }

        return text.ToString();
    }
}
