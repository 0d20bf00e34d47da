using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Katas.Cli.Engine;

/// <summary>
/// A digest of what other code binds to in an assembly: its visible types and their visible members, by name
/// and signature, with constants and default values. Two builds of an attempt with the same digest can be
/// swapped under an already compiled test assembly, so a check that only changed method bodies or private
/// members need not compile the tests again. Private members, nullable annotations and the build's own
/// bookkeeping do not count, unlike in a byte-for-byte comparison of reference assemblies.
/// </summary>
internal static class ApiFingerprint
{
    /// <summary>Computes the digest of an assembly file.</summary>
    /// <param name="assemblyPath">The assembly (or reference assembly).</param>
    /// <returns>A hex digest.</returns>
    public static string Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var lines = new List<string>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!IsVisible(metadata, type))
            {
                continue;
            }

            string name = TypeName(metadata, type);
            lines.Add($"type {name} {(int)(type.Attributes & ~TypeAttributes.BeforeFieldInit)} base {Entity(metadata, type.BaseType)}");
            lines.AddRange(type.GetInterfaceImplementations().Select(implementation =>
                $"{name} implements {Entity(metadata, metadata.GetInterfaceImplementation(implementation).Interface)}"));
            lines.AddRange(type.GetGenericParameters().Select(parameter => GenericParameter(metadata, name, parameter)));
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (IsVisible(method.Attributes & MethodAttributes.MemberAccessMask))
                {
                    var defaults = method.GetParameters().Select(parameter => metadata.GetParameter(parameter))
                        .Select(parameter => $"{parameter.SequenceNumber}:{(int)parameter.Attributes}:{Constant(metadata, parameter.GetDefaultValue())}");
                    lines.Add($"{name}.{metadata.GetString(method.Name)} {(int)method.Attributes} {Blob(metadata, method.Signature)} "
                        + $"{string.Join(',', defaults)} {string.Join(',', method.GetGenericParameters().Select(parameter => GenericParameter(metadata, "", parameter)))}");
                }
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                if (IsVisible((MethodAttributes)(field.Attributes & FieldAttributes.FieldAccessMask)))
                {
                    lines.Add($"{name}.{metadata.GetString(field.Name)} {(int)field.Attributes} {Blob(metadata, field.Signature)} {Constant(metadata, field.GetDefaultValue())}");
                }
            }

            lines.AddRange(type.GetProperties().Select(metadata.GetPropertyDefinition)
                .Select(property => $"{name} property {metadata.GetString(property.Name)} {Blob(metadata, property.Signature)}"));
            lines.AddRange(type.GetEvents().Select(metadata.GetEventDefinition)
                .Select(@event => $"{name} event {metadata.GetString(@event.Name)} {Entity(metadata, @event.Type)}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    // Visible from another assembly, or from one it trusts with InternalsVisibleTo: everything but private.
    private static bool IsVisible(MethodAttributes access) =>
        access is not MethodAttributes.Private and not MethodAttributes.PrivateScope;

    private static bool IsVisible(MetadataReader metadata, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility is TypeAttributes.NestedPrivate)
        {
            return false;
        }

        return !type.IsNested || IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType()));
    }

    private static string TypeName(MetadataReader metadata, TypeDefinition type) =>
        type.IsNested
            ? $"{TypeName(metadata, metadata.GetTypeDefinition(type.GetDeclaringType()))}+{metadata.GetString(type.Name)}"
            : $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";

    private static string GenericParameter(MetadataReader metadata, string owner, GenericParameterHandle handle)
    {
        var parameter = metadata.GetGenericParameter(handle);
        var constraints = parameter.GetConstraints().Select(constraint => Entity(metadata, metadata.GetGenericParameterConstraint(constraint).Type));
        return $"{owner}<{parameter.Index}:{(int)parameter.Attributes}:{string.Join(',', constraints)}>";
    }

    private static string Entity(MetadataReader metadata, EntityHandle handle) => handle.IsNil ? "" : handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeName(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)handle)),
        HandleKind.TypeReference => $"{metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)handle).Namespace)}."
            + metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeSpecification => Blob(metadata, metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature),
        _ => handle.Kind.ToString(),
    };

    // A signature blob refers to types by metadata tokens, which differ between builds; the bytes are decoded
    // into names with the tokens resolved.
    private static string Blob(MetadataReader metadata, BlobHandle handle)
    {
        var reader = metadata.GetBlobReader(handle);
        var text = new StringBuilder();
        while (reader.RemainingBytes > 0)
        {
            byte code = reader.ReadByte();
            text.Append(code).Append(' ');
            if (code is (byte)SignatureTypeCode.TypeHandle or 0x11 or 0x12 && reader.RemainingBytes > 0)
            {
                // 0x11 (value type) and 0x12 (class) are followed by a compressed type token.
                text.Append(Entity(metadata, reader.ReadTypeHandle())).Append(' ');
            }
        }

        return text.ToString();
    }

    private static string Constant(MetadataReader metadata, ConstantHandle handle)
    {
        if (handle.IsNil)
        {
            return "";
        }

        var constant = metadata.GetConstant(handle);
        return $"{constant.TypeCode}={Convert.ToHexString(metadata.GetBlobBytes(constant.Value))}";
    }
}
