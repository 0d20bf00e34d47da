using System.Globalization;
using Katas.Catalogue;

namespace Katas.Cli.Scaffold;

/// <summary>
/// Writes a new kata's every part from templates: instructions and hints with the standard sections, a stub, an
/// exemplar and a reference with a placeholder API, a test class per stage, a mistake recipe, a benchmark and
/// its results file, and the kata's entry in the catalogue. The scaffold builds, its tests pass against the
/// reference and the exemplar, and its stub fails them; every placeholder is marked <see cref="Placeholder"/>.
/// </summary>
/// <param name="layout">The repository.</param>
internal sealed class KataScaffold(KataLayout layout)
{
    /// <summary>The marker of every placeholder the scaffold writes, to find them all with a search.</summary>
    public const string Placeholder = "TODO(kata dev new)";

    private const string CatalogueEnd = "    ];";

    /// <summary>Writes the kata.</summary>
    /// <param name="kata">The kata to add; its slug must be new.</param>
    /// <returns>The files written, and the existing files changed, as paths relative to the repository root.</returns>
    /// <exception cref="InvalidOperationException">A folder of the kata exists already, or the catalogue cannot be edited.</exception>
    public (IReadOnlyList<string> Created, IReadOnlyList<string> Changed) Write(Kata kata)
    {
        string type = kata.Folder;
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.Combine(layout.ExerciseFolder(kata), "README.md")] = Instructions(kata),
            [Path.Combine(layout.ExerciseFolder(kata), "HINTS.md")] = HintsText(kata),
            [Path.Combine(layout.ExerciseFolder(kata), $"{type}.cs")] = Stub(kata),
            [Path.Combine(layout.SolutionFolder(kata), $"{type}.cs")] = Answer(kata, "The reference", "the production answer"),
            [Path.Combine(layout.ExemplarFolder(kata), $"{type}.cs")] = Answer(kata, "The exemplar", "what a strong candidate writes in 45 minutes"),
            [Path.Combine(layout.ExemplarFolder(kata), $"{KataLayout.ExemplarName}.csproj")] = "<Project Sdk=\"Microsoft.NET.Sdk\" />\n",
            [layout.AnswersFile(kata)] = AnswersText(kata),
            [Path.Combine(layout.TestsFolder(kata), $"{type}CoreTests.cs")] = CoreTests(kata),
            [Path.Combine(layout.TestsFolder(kata), $"{type}InputTests.cs")] = InputTests(kata),
            [Path.Combine(layout.Root, "tests", "Mistakes", type, "AddsNegativesToo.md")] = Mistake(kata),
            [Path.Combine(layout.BenchmarkFolder(kata), $"{type}Benchmarks.cs")] = Benchmark(kata),
            [layout.ResultsFile(kata)] = Results(kata),
        };
        string[] folders =
        [
            layout.ExerciseFolder(kata), layout.SolutionFolder(kata), layout.AnswersFolder(kata), layout.TestsFolder(kata),
            Path.Combine(layout.Root, "tests", "Mistakes", type), layout.BenchmarkFolder(kata),
        ];
        if (folders.FirstOrDefault(Directory.Exists) is { } existing)
        {
            throw new InvalidOperationException($"{Path.GetRelativePath(layout.Root, existing)} exists already: the kata {kata.Slug} is not new.");
        }

        string catalogue = Path.Combine(layout.Root, "src", "Katas.Catalogue", "KataCatalogue.cs");
        string catalogueText = File.ReadAllText(catalogue).ReplaceLineEndings("\n");
        int end = catalogueText.IndexOf("\n" + CatalogueEnd + "\n", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"The end of the list of katas ('{CatalogueEnd}') is not in {catalogue}.");
        }

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        File.WriteAllText(catalogue, catalogueText.Insert(end + 1, CatalogueEntry(kata)));
        var changed = new List<string> { catalogue };
        if (ReadmeTable.Write(layout, [.. KataCatalogue.All, kata]))
        {
            changed.Add(Path.Combine(layout.Root, "README.md"));
        }

        return ([.. files.Keys.Select(Relative)], [.. changed.Select(Relative)]);
    }

    private string Relative(string path) => Path.GetRelativePath(layout.Root, path).Replace('\\', '/');

    private static string CatalogueEntry(Kata kata) => string.Create(CultureInfo.InvariantCulture, $$"""
                new(
                    Slug: "{{kata.Slug}}",
                    Title: "{{kata.Title}}",
                    Difficulty: KataDifficulty.{{kata.Difficulty}},
                    Track: "{{kata.Track}}",
                    Question: "{{kata.Question.Replace("\"", "\\\"", StringComparison.Ordinal)}}",
                    Benchmarked: true),

        """);

    private static string Instructions(Kata kata) => $$"""
        # {{kata.Title}}

        > {{kata.Question}}

        {{Placeholder}}: what the kata is about, in a paragraph: the problem, where interviewers ask it, what it grows into.

        ## The API

        Your attempt is `attempts/{{kata.Folder}}/{{kata.Folder}}.cs` (the runner copies this folder's stub there the first time
        you check the kata). The stub's XML docs are the specification, member by member; here is the shape of it:

        ```csharp
        var kata = new {{kata.Folder}}();
        kata.Add(20);
        kata.Add(22);
        kata.Total;       // 42
        ```

        The tests come in two stages. `./kata check {{kata.Slug}}` runs them in order and shows the first stage that fails.

        ## Stage 1: The core behaviour

        {{Placeholder}}: what stage 1 asks, the LeetCode-sized problem.

        ## Stage 2: Bad input and edge cases

        {{Placeholder}}: the rules for bad input, each with its exception:

        - a negative `value` → `ArgumentOutOfRangeException`, and the total is left as it was.

        ## Check, hint, compare

        ```
        ./kata check {{kata.Slug}}      # the contract tests against your attempt, a stage at a time
        ./kata hint {{kata.Slug}}       # the next hint of the stage you are on
        ./kata solution {{kata.Slug}}   # once it passes: the exemplar and the reference
        ./kata bench {{kata.Slug}}      # your attempt against the exemplar, the reference and the peers
        ```

        """;

    private static string HintsText(Kata kata) => $$"""
        # Hints for the {{kata.Title}}

        Take them one at a time with `./kata hint {{kata.Slug}}`: it shows the next hint of the stage you are on.

        ## Stage 1

        ### Hint 1
        {{Placeholder}}: a nudge towards the core idea.

        ### Hint 2
        {{Placeholder}}: the key invariant.

        ## Stage 2

        ### Hint 1
        {{Placeholder}}: where bad input is refused, before anything changes.

        """;

    private static string Stub(Kata kata) => $$"""
        namespace Katas;

        /// <summary>
        /// {{Placeholder}}: what a {{kata.Folder}} is. The kata's instructions are src/Katas.Exercises/{{kata.Folder}}/README.md.
        /// </summary>
        /// <remarks>{{Placeholder}}: the complexity to reach and the thread-safety promised.</remarks>
        public sealed class {{kata.Folder}}
        {
            /// <summary>Gets the sum of the values added so far. {{Placeholder}}</summary>
            public long Total => throw new NotImplementedException("{{kata.Folder}}: start here. Read src/Katas.Exercises/{{kata.Folder}}/README.md, then run ./kata check {{kata.Slug}}.");

            /// <summary>Adds a value to the total. {{Placeholder}}: a member with a rule for bad input.</summary>
            /// <param name="value">The value to add; zero or more.</param>
            /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative; the total is left as it was.</exception>
            public void Add(int value) => throw new NotImplementedException("{{kata.Folder}}.Add is not implemented yet.");
        }

        """;

    private static string Answer(Kata kata, string which, string what) => $$"""
        namespace Katas;

        /// <summary>
        /// {{which}} of the {{kata.Title}} kata: {{what}}. The contract is the stub's XML docs
        /// (src/Katas.Exercises/{{kata.Folder}}/{{kata.Folder}}.cs). {{Placeholder}}: the design, in a sentence.
        /// </summary>
        public sealed class {{kata.Folder}}
        {
            public long Total { get; private set; }

            public void Add(int value)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(value);
                Total += value;
            }
        }

        """;

    private static string AnswersText(Kata kata) => $$"""
        # {{kata.Title}}: the answers

        `./kata solution {{kata.Slug}}` shows them once your attempt passes, beside their benchmark figures (from
        [the results](../../../benchmarks/Katas.Benchmarks/{{kata.Folder}}/README.md)).

        ## Exemplar

        `Exemplar/{{kata.Folder}}.cs`: {{Placeholder}}: the design, in a line.

        - **Why this design.** {{Placeholder}}
        - **What it costs.** {{Placeholder}}

        ## Reference

        `src/Katas.Solutions/{{kata.Folder}}/{{kata.Folder}}.cs`: {{Placeholder}}: the design, in a line.

        - **Why this design.** {{Placeholder}}
        - **What it costs.** {{Placeholder}}

        """;

    private static string CoreTests(Kata kata) => $$"""
        namespace Katas.Tests;

        /// <summary>Stage 1 of the {{kata.Title}}: the core behaviour. {{Placeholder}}: the simplest test first, model tests last.</summary>
        [Stage(1)]
        public sealed class {{kata.Folder}}CoreTests
        {
            [Fact]
            public void A_new_one_totals_zero()
            {
                var kata = new {{kata.Folder}}();

                kata.Total.Should().Be(0);
            }

            [Fact]
            public void The_total_is_the_sum_of_the_values_added()
            {
                var kata = new {{kata.Folder}}();

                kata.Add(20);
                kata.Add(22);

                kata.Total.Should().Be(42);
            }
        }

        """;

    private static string InputTests(Kata kata) => $$"""
        namespace Katas.Tests;

        /// <summary>Stage 2 of the {{kata.Title}}: bad input is refused with a clear exception and changes nothing. {{Placeholder}}</summary>
        [Stage(2)]
        public sealed class {{kata.Folder}}InputTests
        {
            [Theory]
            [InlineData(-1)]
            [InlineData(int.MinValue)]
            public void A_negative_value_is_rejected_and_the_total_is_kept(int value)
            {
                var kata = new {{kata.Folder}}();
                kata.Add(5);

                Action add = () => kata.Add(value);

                add.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
                kata.Total.Should().Be(5);
            }
        }

        """;

    private static string Mistake(Kata kata) => $$"""
        # AddsNegativesToo

        {{Placeholder}}: a real mistake. This one forgets the rule for bad input and adds a negative value like any other.

        Made from the [Exemplar](../../../src/Katas.Answers/{{kata.Folder}}/Exemplar/) by the edit below.

        ## In `{{kata.Folder}}.cs`, replace

        ```csharp
                ArgumentOutOfRangeException.ThrowIfNegative(value);
                Total += value;
        ```

        ## with

        ```csharp
                Total += value;
        ```

        """;

    private static string Benchmark(Kata kata) => $$"""
        extern alias Attempt;
        extern alias Exemplar;
        extern alias Reference;
        using BenchmarkDotNet.Attributes;

        namespace Katas.Benchmarks;

        /// <summary>
        /// The {{kata.Title}} kata: {{Placeholder}}: the workload, and the baseline from the ecosystem.
        /// </summary>
        [MemoryDiagnoser]
        public class {{kata.Folder}}Benchmarks
        {
            private Attempt::Katas.{{kata.Folder}}? _attempt;
            private Exemplar::Katas.{{kata.Folder}}? _exemplar;
            private Reference::Katas.{{kata.Folder}}? _reference;

            [GlobalSetup(Target = nameof(Attempt))]
            public void SetUpAttempt() => _attempt = new();

            [GlobalSetup(Target = nameof(Exemplar))]
            public void SetUpExemplar() => _exemplar = new();

            [GlobalSetup(Target = nameof(Reference))]
            public void SetUpReference() => _reference = new();

            [Benchmark]
            public long Attempt()
            {
                _attempt!.Add(21);
                return _attempt.Total;
            }

            [Benchmark]
            public long Exemplar()
            {
                _exemplar!.Add(21);
                return _exemplar.Total;
            }

            [Benchmark(Baseline = true)]
            public long Reference()
            {
                _reference!.Add(21);
                return _reference.Total;
            }
        }

        """;

    private static string Results(Kata kata) => $$"""
        # {{kata.Title}}: results

        **Headline:** not measured yet

        ## Benchmark

        {{Placeholder}}: the workload, the command, the date and the table, with the targets met or missed.

        ```
        Kata={{kata.Folder}} dotnet run -c Release --project benchmarks/Katas.Benchmarks -- --filter '*{{kata.Folder}}Benchmarks*' --job short
        ```

        ## Mistakes the tests catch

        <!-- caught-mistakes: written by ./kata dev verify --write-results -->
        Not measured yet.
        <!-- end caught-mistakes -->

        ## Mutation score

        Not measured yet: `scripts/mutation.sh {{kata.Folder}}`.

        """;
}
