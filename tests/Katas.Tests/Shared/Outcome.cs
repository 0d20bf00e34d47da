using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>What a call did: the value it returned, or the type of the exception it threw.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Value">The value returned; the default value when the call threw.</param>
/// <param name="Exception">The type of the exception thrown, or <see langword="null"/> when the call returned.</param>
public readonly record struct Outcome<T>(T? Value, Type? Exception)
{
    /// <summary>Compares two outcomes: the same exception type, or equal values (sequences element by element).</summary>
    /// <param name="other">The other outcome.</param>
    /// <param name="comparer">Compares values; structural equality when <see langword="null"/>.</param>
    /// <returns>Whether they agree.</returns>
    public bool Agrees(Outcome<T> other, IEqualityComparer<T>? comparer = null) =>
        Exception is not null || other.Exception is not null
            ? Exception == other.Exception
            : comparer?.Equals(Value!, other.Value!) ?? Structural.Equal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Exception is null ? Structural.Format(Value) : $"throws {Exception.Name}";
}

/// <summary>Records what calls do.</summary>
public static class Outcome
{
    /// <summary>Makes a call and records what it did. A failed assertion is not an outcome: it propagates.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="call">The call.</param>
    /// <returns>The outcome.</returns>
    public static Outcome<T> Of<T>(Func<T> call)
    {
        try
        {
            return new Outcome<T>(call(), null);
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            return new Outcome<T>(default, exception.GetType());
        }
    }
}

/// <summary>Equality and printing that look inside sequences, for comparing a structure with its model.</summary>
public static class Structural
{
    /// <summary>Compares two values, element by element when both are sequences (strings aside) or tuples.</summary>
    /// <param name="first">The first value.</param>
    /// <param name="second">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool Equal(object? first, object? second)
    {
        if (first is IEnumerable left and not string && second is IEnumerable right and not string)
        {
            var rightItems = right.Cast<object?>().ToList();
            var leftItems = left.Cast<object?>().ToList();
            return leftItems.Count == rightItems.Count && leftItems.Zip(rightItems).All(pair => Equal(pair.First, pair.Second));
        }

        if (first is ITuple leftTuple && second is ITuple rightTuple)
        {
            return leftTuple.Length == rightTuple.Length
                && Enumerable.Range(0, leftTuple.Length).All(index => Equal(leftTuple[index], rightTuple[index]));
        }

        return Equals(first, second);
    }

    /// <summary>Prints a value the way a failure message should show it: sequences as <c>[a, b, c]</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Format))}]",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(index => Format(tuple[index])))})",
        _ => value.ToString() ?? "",
    };
}
