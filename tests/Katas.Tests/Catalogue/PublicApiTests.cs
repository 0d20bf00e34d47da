extern alias Stubs;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Katas.Catalogue;

namespace Katas.Tests;

/// <summary>
/// One contract: the stub, every answer and the reference of a kata have the same public API, member for
/// member, so that the same tests judge them all and a learner's attempt can be swapped for any of them.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly KataLayout Layout = KataLayout.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {KataLayout.SolutionFileName} above {AppContext.BaseDirectory}.");

    private static readonly Assembly StubAssembly = typeof(Stubs::Katas.LruCache<,>).Assembly;

    private static readonly Assembly ReferenceAssembly = typeof(LruCache<,>).Assembly;

    public static TheoryData<string> Slugs() => [.. KataCatalogue.All.Select(kata => kata.Slug)];

    [Theory]
    [MemberData(nameof(Slugs))]
    public void The_stub_and_every_answer_have_the_public_api_of_the_reference(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;
        var answers = Layout.AnswerFolders(kata);
        answers.Should().NotBeEmpty("every kata has an exemplar");
        var exemplar = PublicApi.Of(AnswerAssembly(kata, Layout.ExemplarFolder(kata)));
        var stubs = PublicApi.Of(StubAssembly);
        var reference = PublicApi.Of(ReferenceAssembly);

        foreach (var (type, api) in exemplar)
        {
            stubs.Should().ContainKey(type, $"the exemplar of {slug} has a public type {type}, so the stub must have it too");
            stubs[type].Should().Equal(api, $"the stub's {type} must have the exemplar's public API");
            reference.Should().ContainKey(type, $"the exemplar of {slug} has a public type {type}, so the reference must have it too");
            reference[type].Should().Equal(api, $"the reference's {type} must have the exemplar's public API");
        }

        foreach (string answer in answers)
        {
            PublicApi.Of(AnswerAssembly(kata, answer)).Should().BeEquivalentTo(
                exemplar, options => options.WithStrictOrdering(), $"the answer {Path.GetFileName(answer)} must have the exemplar's public API");
        }
    }

    [Fact]
    public void Every_public_type_of_the_stubs_and_the_reference_belongs_to_a_kata()
    {
        var claimed = KataCatalogue.All
            .SelectMany(kata => PublicApi.Of(AnswerAssembly(kata, Layout.ExemplarFolder(kata))).Keys)
            .ToHashSet(StringComparer.Ordinal);

        PublicApi.Of(StubAssembly).Keys.Should().BeSubsetOf(claimed, "every public type of a stub is part of some kata's API, which its exemplar has too");
        PublicApi.Of(ReferenceAssembly).Keys.Should().BeSubsetOf(claimed, "every public type of a reference is part of some kata's API");
    }

    [Fact]
    public void A_renamed_member_a_changed_parameter_or_a_lost_annotation_is_a_different_api()
    {
        // The four types share their name and differ in one thing each; the first line names the type in full.
        var api = Members(typeof(Original.Shape));

        api.Should().Equal(Members(typeof(Original.Shape)));
        api.Should().NotEqual(Members(typeof(Renamed.Shape)), "TryGet is called TryFind there");
        api.Should().NotEqual(Members(typeof(Retyped.Shape)), "the key is a long there");
        api.Should().NotEqual(Members(typeof(Unannotated.Shape)), "the out value lost [MaybeNullWhen(false)] and the comparer its ?");

        static IEnumerable<string> Members(Type type) => PublicApi.Describe(type).Skip(1);
    }

    private static Assembly AnswerAssembly(Kata kata, string folder) =>
        Assembly.Load($"Katas.Answers.{kata.Folder}.{Path.GetFileName(folder)}");

    public static class Original
    {
        public sealed class Shape(IEqualityComparer<int>? comparer = null)
        {
            public IEqualityComparer<int>? Comparer { get; } = comparer;

            public bool TryGet(int key, [MaybeNullWhen(false)] out string value) => throw new NotSupportedException($"{key}");
        }
    }

    public static class Renamed
    {
        public sealed class Shape(IEqualityComparer<int>? comparer = null)
        {
            public IEqualityComparer<int>? Comparer { get; } = comparer;

            public bool TryFind(int key, [MaybeNullWhen(false)] out string value) => throw new NotSupportedException($"{key}");
        }
    }

    public static class Retyped
    {
        public sealed class Shape(IEqualityComparer<int>? comparer = null)
        {
            public IEqualityComparer<int>? Comparer { get; } = comparer;

            public bool TryGet(long key, [MaybeNullWhen(false)] out string value) => throw new NotSupportedException($"{key}");
        }
    }

    public static class Unannotated
    {
        public sealed class Shape(IEqualityComparer<int> comparer)
        {
            public IEqualityComparer<int> Comparer { get; } = comparer;

            public bool TryGet(int key, out string value) => throw new NotSupportedException($"{key}");
        }
    }
}
