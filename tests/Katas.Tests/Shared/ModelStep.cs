namespace Katas.Tests;

/// <summary>
/// One step of a model test: an operation with its arguments, as it is printed, and what it does to the
/// structure under test and to a model too simple to be wrong.
/// </summary>
/// <typeparam name="TSubject">The structure under test (or a harness around it).</typeparam>
/// <typeparam name="TModel">The model.</typeparam>
/// <param name="description">The operation as a failure message shows it, such as <c>TryGet(3)</c>.</param>
/// <param name="apply">Applies the step to both; returns <see langword="null"/> when they agree, otherwise what differs.</param>
public sealed class ModelStep<TSubject, TModel>(string description, Func<TSubject, TModel, string?> apply)
{
    /// <summary>Gets the operation as a failure message shows it.</summary>
    public string Description { get; } = description;

    /// <summary>Applies the step to the structure and to the model.</summary>
    /// <param name="subject">The structure under test.</param>
    /// <param name="model">The model.</param>
    /// <returns><see langword="null"/> when they agree; otherwise what differs.</returns>
    public string? Apply(TSubject subject, TModel model) => apply(subject, model);

    /// <inheritdoc/>
    public override string ToString() => Description;
}

/// <summary>Builds the usual kinds of <see cref="ModelStep{TSubject, TModel}"/>.</summary>
public static class ModelStep
{
    /// <summary>
    /// A call whose result must be the same on both sides: the same value (sequences compared element by
    /// element), or the same type of exception.
    /// </summary>
    /// <typeparam name="TSubject">The structure under test.</typeparam>
    /// <typeparam name="TModel">The model.</typeparam>
    /// <typeparam name="TResult">The type of the result.</typeparam>
    /// <param name="description">The call as a failure message shows it.</param>
    /// <param name="subject">The call on the structure.</param>
    /// <param name="model">The same call on the model.</param>
    /// <param name="comparer">Compares results; structural equality when <see langword="null"/>.</param>
    /// <returns>The step.</returns>
    public static ModelStep<TSubject, TModel> Returns<TSubject, TModel, TResult>(
        string description, Func<TSubject, TResult> subject, Func<TModel, TResult> model, IEqualityComparer<TResult>? comparer = null) =>
        new(description, (s, m) =>
        {
            var actual = Outcome.Of(() => subject(s));
            var expected = Outcome.Of(() => model(m));
            return actual.Agrees(expected, comparer) ? null : $"{description} returned {actual}, but the model says {expected}";
        });

    /// <summary>A call with no result to compare; it must throw the same type of exception on both sides, or neither.</summary>
    /// <typeparam name="TSubject">The structure under test.</typeparam>
    /// <typeparam name="TModel">The model.</typeparam>
    /// <param name="description">The call as a failure message shows it.</param>
    /// <param name="subject">The call on the structure.</param>
    /// <param name="model">The same call on the model.</param>
    /// <returns>The step.</returns>
    public static ModelStep<TSubject, TModel> Does<TSubject, TModel>(string description, Action<TSubject> subject, Action<TModel> model) =>
        new(description, (s, m) =>
        {
            var actual = Outcome.Of(() =>
            {
                subject(s);
                return true;
            });
            var expected = Outcome.Of(() =>
            {
                model(m);
                return true;
            });
            return actual.Agrees(expected) ? null : $"{description} {Did(actual)}, but on the model it {Did(expected)}";
        });

    private static string Did(Outcome<bool> outcome) => outcome.Exception is null ? "returns normally" : $"throws {outcome.Exception.Name}";
}
