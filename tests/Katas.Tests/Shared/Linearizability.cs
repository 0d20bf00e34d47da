namespace Katas.Tests;

/// <summary>
/// Decides whether a concurrent history is linearizable: whether some one-at-a-time order of its calls, which
/// never moves a call ahead of one that had returned before it began, gives every call the result it really
/// returned when replayed on a sequential model. A depth-first search over such orders (Wing and Gong's), which
/// remembers the (calls done, model state) pairs it has already ruled out.
/// </summary>
public static class Linearizability
{
    /// <summary>The most calls a history may hold.</summary>
    public const int MaxCalls = 64;

    /// <summary>Searches for an order that explains the history.</summary>
    /// <typeparam name="TModel">The model's state; a value compared by <paramref name="states"/>.</typeparam>
    /// <typeparam name="TOperation">What a call is.</typeparam>
    /// <typeparam name="TResult">What a call returns.</typeparam>
    /// <param name="calls">The history's calls.</param>
    /// <param name="initial">The model's state before the first call.</param>
    /// <param name="apply">Applies one call to a state: the state after it, and what the call should return.</param>
    /// <param name="states">Compares states, to remember those already ruled out; structural equality when <see langword="null"/>.</param>
    /// <returns>The states after the whole history in one order that explains it, or <see langword="null"/> when none does.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The history holds more than <see cref="MaxCalls"/> calls.</exception>
    public static TModel? Explain<TModel, TOperation, TResult>(
        IReadOnlyList<ConcurrentCall<TOperation, TResult>> calls,
        TModel initial,
        Func<TModel, TOperation, (TModel Next, TResult Result)> apply,
        IEqualityComparer<TModel>? states = null)
        where TModel : class
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(calls.Count, MaxCalls);
        var ordered = calls.OrderBy(call => call.Began).ToArray();
        ulong all = ordered.Length == MaxCalls ? ulong.MaxValue : (1UL << ordered.Length) - 1;
        var ruledOut = new HashSet<(ulong, TModel)>(new StateComparer<TModel>(states ?? new StructuralComparer<TModel>()));
        return Search(initial, 0);

        TModel? Search(TModel state, ulong done)
        {
            if (done == all)
            {
                return state;
            }

            // A call can go next only if it began before every call not yet placed had returned.
            long earliestReturn = long.MaxValue;
            for (int i = 0; i < ordered.Length; i++)
            {
                if ((done & (1UL << i)) == 0)
                {
                    earliestReturn = Math.Min(earliestReturn, ordered[i].Returned);
                }
            }

            for (int i = 0; i < ordered.Length && ordered[i].Began < earliestReturn; i++)
            {
                ulong bit = 1UL << i;
                if ((done & bit) != 0)
                {
                    continue;
                }

                var (next, result) = apply(state, ordered[i].Operation);
                if (Structural.Equal(result, ordered[i].Result) && ruledOut.Add((done | bit, next)) && Search(next, done | bit) is { } end)
                {
                    return end;
                }
            }

            return null;
        }
    }

    private sealed class StructuralComparer<T> : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => Structural.Equal(x, y);

        public int GetHashCode(T obj) => obj is System.Collections.IEnumerable items and not string
            ? items.Cast<object?>().Aggregate(17, (hash, item) => HashCode.Combine(hash, item))
            : obj?.GetHashCode() ?? 0;
    }

    private sealed class StateComparer<T>(IEqualityComparer<T> states) : IEqualityComparer<(ulong Done, T State)>
    {
        public bool Equals((ulong Done, T State) x, (ulong Done, T State) y) => x.Done == y.Done && states.Equals(x.State, y.State);

        public int GetHashCode((ulong Done, T State) obj) => HashCode.Combine(obj.Done, states.GetHashCode(obj.State!));
    }
}
