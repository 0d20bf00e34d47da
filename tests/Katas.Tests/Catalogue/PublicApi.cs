using System.Globalization;
using System.Reflection;
using System.Text;

namespace Katas.Tests;

/// <summary>
/// A type's public API as lines of text, member by member, so that two implementations of a kata (the stub,
/// an answer, the reference) can be compared although they live in different assemblies: types are named
/// by their full names, and nullability and flow attributes are part of a signature.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Describes every public type of an assembly, by full name.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>Each public type's full name and its API lines.</returns>
    public static SortedDictionary<string, IReadOnlyList<string>> Of(Assembly assembly) =>
        new(assembly.GetExportedTypes().ToDictionary(type => type.FullName!, Describe), StringComparer.Ordinal);

    /// <summary>Describes one type: its kind, base type and interfaces, then each public member.</summary>
    /// <param name="type">The type.</param>
    /// <returns>One line for the type and one per member, the members sorted.</returns>
    public static IReadOnlyList<string> Describe(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<string>();
        foreach (var constructor in type.GetConstructors(Declared))
        {
            members.Add($"{type.Name}({Parameters(constructor, nullability)})");
        }

        foreach (var method in type.GetMethods(Declared).Where(method => !method.IsSpecialName))
        {
            string generic = method.IsGenericMethod ? $"<{string.Join(", ", method.GetGenericArguments().Select(Name))}>" : "";
            members.Add($"{Modifiers(method)}{Name(method.ReturnParameter, nullability)} {method.Name}{generic}({Parameters(method, nullability)})");
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var accessor = property.GetMethod ?? property.SetMethod!;
            string index = property.GetIndexParameters() is { Length: > 0 } parameters
                ? $"[{string.Join(", ", parameters.Select(parameter => Name(parameter, nullability)))}]"
                : "";
            string accessors = (property.GetMethod?.IsPublic == true ? " get;" : "") + (property.SetMethod?.IsPublic == true ? " set;" : "");
            members.Add($"{Modifiers(accessor)}{Name(nullability.Create(property))} {property.Name}{index} {{{accessors} }}");
        }

        foreach (var field in type.GetFields(Declared))
        {
            members.Add($"{(field.IsLiteral ? $"const = {field.GetRawConstantValue()} " : field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{Name(nullability.Create(field))} {field.Name}");
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            members.Add($"event {Name(@event.EventHandlerType!)} {@event.Name}");
        }

        members.Sort(StringComparer.Ordinal);
        return [Header(type), .. members];
    }

    private static string Header(Type type)
    {
        var header = new StringBuilder();
        header.Append(type.IsInterface ? "interface " : type.IsEnum ? "enum " : type.IsValueType ? "struct " : type.IsSealed && type.IsAbstract ? "static class " : type.IsSealed ? "sealed class " : type.IsAbstract ? "abstract class " : "class ");
        header.Append(Name(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            header.Append(" : ").AppendJoin(", ", bases);
        }

        foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
        {
            var constraints = parameter.GetGenericParameterConstraints().Select(Name).ToList();
            var attributes = parameter.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Insert(0, "struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Insert(0, "class");
            }

            if (parameter.CustomAttributes.Any(attribute => attribute.AttributeType.Name == "NullableAttribute" && attribute.ConstructorArguments is [{ Value: (byte)1 }]))
            {
                constraints.Insert(0, "notnull");
            }

            if (constraints.Count > 0)
            {
                header.Append(CultureInfo.InvariantCulture, $" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
        }

        return header.ToString();
    }

    private static string Modifiers(MethodBase method) =>
        (method.IsStatic ? "static " : "") + (method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : "");

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(parameter =>
        {
            string flow = string.Concat(parameter.CustomAttributes
                .Where(attribute => attribute.AttributeType.Namespace == "System.Diagnostics.CodeAnalysis")
                .Select(attribute => $"[{attribute.AttributeType.Name.Replace("Attribute", "", StringComparison.Ordinal)}({string.Join(", ", attribute.ConstructorArguments.Select(argument => argument.Value))})] "));
            string direction = parameter.IsOut ? "out " : parameter.ParameterType.IsByRef ? (parameter.IsIn ? "in " : "ref ") : parameter.GetCustomAttributes().Any(attribute => attribute is ParamArrayAttribute) ? "params " : "";
            string optional = parameter.HasDefaultValue ? $" = {parameter.DefaultValue ?? "null"}" : "";
            return $"{flow}{direction}{Name(parameter, nullability)} {parameter.Name}{optional}";
        }));

    private static string Name(ParameterInfo parameter, NullabilityInfoContext nullability) => Name(nullability.Create(parameter));

    private static string Name(NullabilityInfo info)
    {
        var type = info.Type.IsByRef ? info.Type.GetElementType()! : info.Type;
        string name = type.IsGenericType && !type.IsGenericTypeDefinition && info.GenericTypeArguments.Length == type.GetGenericArguments().Length
            ? $"{GenericName(type)}<{string.Join(", ", info.GenericTypeArguments.Select(Name))}>"
            : Name(type);
        bool nullable = info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable;
        return nullable && !type.IsValueType && !name.EndsWith('?') ? name + "?" : name;
    }

    private static string Name(Type type) =>
        type.IsGenericParameter ? type.Name
        : type.IsArray ? $"{Name(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]"
        : type.IsByRef ? Name(type.GetElementType()!)
        : type.IsGenericType ? $"{GenericName(type)}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.FullName ?? type.Name;

    private static string GenericName(Type type)
    {
        string name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        return name[..name.IndexOf('`', StringComparison.Ordinal)];
    }
}
