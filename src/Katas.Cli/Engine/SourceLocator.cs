using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Katas.Cli.Engine;

/// <summary>
/// Finds where a method of a compiled attempt is written, from its portable PDB: a stack overflow's trace names
/// methods but no lines, and "stack overflow in MinStack.Push (MinStack.cs:57)" says where to look.
/// </summary>
internal static class SourceLocator
{
    /// <summary>Finds the first line of a method's body.</summary>
    /// <param name="assemblyPath">The assembly; its PDB beside it.</param>
    /// <param name="typeName">The type's full metadata name, such as <c>Katas.MinStack`1</c> (nested types after a <c>+</c>).</param>
    /// <param name="methodName">The method's name, such as <c>Push</c> or <c>.ctor</c>.</param>
    /// <returns>The file and line, or <see langword="null"/> when they cannot be found.</returns>
    public static (string File, int Line)? Find(string assemblyPath, string typeName, string methodName)
    {
        string pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(assemblyPath) || !File.Exists(pdbPath))
        {
            return null;
        }

        try
        {
            using var assemblyStream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(assemblyStream);
            var metadata = pe.GetMetadataReader();
            using var pdbStream = File.OpenRead(pdbPath);
            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
            var pdb = pdbProvider.GetMetadataReader();
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                if (FullName(metadata, type) != typeName)
                {
                    continue;
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    if (metadata.GetString(metadata.GetMethodDefinition(methodHandle).Name) != methodName)
                    {
                        continue;
                    }

                    var debug = pdb.GetMethodDebugInformation(methodHandle.ToDebugInformationHandle());
                    foreach (var point in debug.GetSequencePoints())
                    {
                        if (!point.IsHidden)
                        {
                            return (pdb.GetString(pdb.GetDocument(point.Document).Name), point.StartLine);
                        }
                    }
                }
            }
        }
        catch (BadImageFormatException)
        {
        }
        catch (IOException)
        {
        }

        return null;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type) =>
        type.IsNested
            ? $"{FullName(metadata, metadata.GetTypeDefinition(type.GetDeclaringType()))}+{metadata.GetString(type.Name)}"
            : $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
}
