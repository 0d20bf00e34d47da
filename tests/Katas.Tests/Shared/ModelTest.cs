using System.Globalization;
using System.Text;
using CsCheck;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// A model-based test declared once and run two ways: as a long step-by-step sequence from a fixed seed, and as
/// a CsCheck property over short random sequences that shrinks a failure to the shortest sequence that still
/// fails. After every step the structure and the model must agree on what the step returned, and on
/// <see cref="Invariant"/>.
/// </summary>
/// <typeparam name="TConfig">What a run is set up with, such as a capacity.</typeparam>
/// <typeparam name="TSubject">The structure under test, or a harness around it.</typeparam>
/// <typeparam name="TModel">The model.</typeparam>
/// <param name="subject">Creates the structure for a configuration.</param>
/// <param name="model">Creates the model for a configuration.</param>
/// <param name="steps">The random steps for a configuration, usually a <c>Gen.Frequency</c> of the operations.</param>
public sealed class ModelTest<TConfig, TSubject, TModel>(
    Func<TConfig, TSubject> subject,
    Func<TConfig, TModel> model,
    Func<TConfig, Gen<ModelStep<TSubject, TModel>>> steps)
{
    // How many of the latest steps a step-by-step failure lists.
    private const int StepsShown = 12;

    /// <summary>Gets a check made after every step, such as equal counts; <see langword="null"/> when they agree, otherwise what differs.</summary>
    public Func<TSubject, TModel, string?>? Invariant { get; init; }

    /// <summary>Gets how a configuration is printed in failure messages.</summary>
    public Func<TConfig, string> DescribeConfig { get; init; } = config => Structural.Format(config);

    /// <summary>Runs a long sequence of random steps from a fixed seed, comparing after every step.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="seed">The seed of the random steps.</param>
    /// <param name="count">How many steps.</param>
    /// <exception cref="XunitException">The structure and the model disagree; the message names the step and those before it.</exception>
    public void Run(TConfig config, int seed, int count)
    {
        var random = new PCG(1, (ulong)seed);
        var generator = steps(config);
        var structure = subject(config);
        var reference = model(config);
        var recent = new Queue<string>(StepsShown);
        for (int index = 0; index < count; index++)
        {
            var step = generator.Generate(random, null!, out _);
            if (recent.Count == StepsShown)
            {
                recent.Dequeue();
            }

            recent.Enqueue(step.Description);
            if (Check(step, structure, reference) is { } difference)
            {
                throw new XunitException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{DescribeConfig(config)}, seed {seed}: at step {index + 1} of {count}, {difference}.\n"
                    + $"The last {recent.Count} steps, oldest first: {string.Join(", ", recent)}"));
            }
        }
    }

    /// <summary>
    /// Checks random short sequences; on a failure CsCheck shrinks the sequence and reports the shortest one
    /// that still fails, with what differs at its last step.
    /// </summary>
    /// <param name="configs">The configurations to draw from.</param>
    /// <param name="maxSteps">The longest sequence.</param>
    /// <param name="iterations">How many sequences.</param>
    public void Sample(Gen<TConfig> configs, int maxSteps = 60, long iterations = 3_000)
    {
        var cases = configs.SelectMany(config => steps(config).Array[0, maxSteps].Select(sequence => (config, sequence)));
        cases.Sample(
            (config, sequence) =>
            {
                if (FirstDifference(config, sequence) is { } difference)
                {
                    throw new XunitException(difference.Message);
                }
            },
            iter: iterations,
            print: Print);
    }

    private string Print((TConfig Config, ModelStep<TSubject, TModel>[] Sequence) input)
    {
        var text = new StringBuilder();
        text.Append(DescribeConfig(input.Config)).Append(": ").AppendJoin(", ", input.Sequence.Select(step => step.Description));
        if (FirstDifference(input.Config, input.Sequence) is { } difference)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nat step {difference.Step}: {difference.Message}");
        }

        return text.ToString();
    }

    private (int Step, string Message)? FirstDifference(TConfig config, ModelStep<TSubject, TModel>[] sequence)
    {
        var structure = subject(config);
        var reference = model(config);
        for (int index = 0; index < sequence.Length; index++)
        {
            if (Check(sequence[index], structure, reference) is { } difference)
            {
                return (index + 1, difference);
            }
        }

        return null;
    }

    private string? Check(ModelStep<TSubject, TModel> step, TSubject structure, TModel reference)
    {
        if (step.Apply(structure, reference) is { } difference)
        {
            return difference;
        }

        return Invariant?.Invoke(structure, reference) is { } broken ? $"after {step.Description}, {broken}" : null;
    }
}
