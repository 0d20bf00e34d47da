using Xunit.v3;

namespace Katas.Tests;

/// <summary>
/// Puts a test, or every test of a class, into one stage of its kata: the follow-ups of an interview, in the
/// order an interviewer asks them. <c>./kata check</c> runs the stages in order and stops after the first one
/// that fails, so a learner meets "a new cache is empty" before the thousand-step model test. Each stage has a
/// section <c>## Stage N: ...</c> in the kata's README and its own hints.
/// </summary>
/// <param name="number">The stage, from 1.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class StageAttribute(int number) : Attribute, ITraitAttribute
{
    /// <summary>The name of the trait that carries the stage, as in <c>-trait Stage=2</c>.</summary>
    public const string TraitName = "Stage";

    /// <summary>Gets the stage.</summary>
    public int Number { get; } = number;

    /// <inheritdoc/>
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new(TraitName, Number.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
