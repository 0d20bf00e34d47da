using System.Text.Json.Serialization;

namespace Katas.Cli.Engine;

/// <summary>A test method as the test program lists it (<c>--kata-list</c>): known before anything runs.</summary>
/// <param name="ClassName">The test class's full name.</param>
/// <param name="Method">The method's name.</param>
/// <param name="Stage">The stage it belongs to; 0 when it has none.</param>
/// <param name="SourceFile">The file it is written in.</param>
/// <param name="SourceLine">Its line there.</param>
internal sealed record ListedTest(
    [property: JsonPropertyName("Class")] string ClassName,
    string Method,
    int Stage,
    [property: JsonPropertyName("File")] string SourceFile,
    [property: JsonPropertyName("Line")] int SourceLine)
{
    /// <summary>Gets the class's simple name.</summary>
    public string ClassSimpleName => ClassName[(ClassName.LastIndexOf('.') + 1)..];
}
