using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace WasteIoT.Testing;

/// <summary>
/// Finds what the nanoFramework v1 runtime cannot execute although Roslyn compiles it against mscorlib v1:
/// generic type or method definitions, generic instantiations (in type specs, method specs and every
/// signature blob), multi-dimensional arrays, overflow-checked instructions, and references to assemblies other than the allowed ones.
/// </summary>
internal static class NanoMetadataChecker
{
    public static IReadOnlyList<string> Check(string assemblyPath, params string[] allowedReferences)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Check(stream, allowedReferences);
    }

    /// <param name="allowedReferences">Assemblies it may reference (default: only mscorlib); "*" allows any.</param>
    public static IReadOnlyList<string> Check(Stream assembly, params string[] allowedReferences)
    {
        using var pe = new PEReader(assembly);
        var md = pe.GetMetadataReader();
        var problems = new List<string>();
        var allowed = new HashSet<string>(allowedReferences.Length == 0 ? ["mscorlib"] : allowedReferences, StringComparer.Ordinal);

        foreach (var handle in md.AssemblyReferences)
        {
            var name = md.GetString(md.GetAssemblyReference(handle).Name);
            if (!allowed.Contains(name) && !allowed.Contains("*"))
            {
                problems.Add($"references assembly '{name}'");
            }
        }

        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var typeName = TypeName(md, type);
            if (type.GetGenericParameters().Count > 0)
            {
                problems.Add($"generic type definition {typeName}");
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                Inspect(md, field.Signature, $"field {typeName}.{md.GetString(field.Name)}", problems, isField: true);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                var methodName = $"{typeName}.{md.GetString(method.Name)}";
                if (method.GetGenericParameters().Count > 0)
                {
                    problems.Add($"generic method definition {methodName}");
                }

                Inspect(md, method.Signature, $"method {methodName}", problems, isField: false);
                if (method.RelativeVirtualAddress != 0)
                {
                    var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                    InspectInstructions(body, methodName, problems);
                    if (!body.LocalSignature.IsNil)
                    {
                        var locals = md.GetStandaloneSignature(body.LocalSignature);
                        InspectLocals(md, locals.Signature, $"locals of {methodName}", problems);
                    }
                }
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(propertyHandle);
                Inspect(md, property.Signature, $"property {typeName}.{md.GetString(property.Name)}", problems, isField: false);
            }
        }

        for (var row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            var provider = new ShapeProvider();
            var decoded = spec.DecodeSignature(provider, null);
            foreach (var issue in provider.Issues)
            {
                problems.Add($"type spec {decoded}: {issue}");
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            var isField = member.GetKind() == MemberReferenceKind.Field;
            Inspect(md, member.Signature, $"member reference {md.GetString(member.Name)}", problems, isField);
        }

        if (md.GetTableRowCount(TableIndex.MethodSpec) > 0)
        {
            for (var row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                problems.Add($"generic method instantiation {MemberName(md, spec.Method)}");
            }
        }

        return problems.Distinct().ToList();
    }

    private static void Inspect(MetadataReader md, BlobHandle signature, string where, List<string> problems, bool isField)
    {
        var provider = new ShapeProvider();
        var decoder = new SignatureDecoder<string, object?>(provider, md, null);
        var reader = md.GetBlobReader(signature);
        if (isField)
        {
            decoder.DecodeFieldSignature(ref reader);
        }
        else
        {
            // Method and property signatures share one layout.
            decoder.DecodeMethodSignature(ref reader);
        }

        problems.AddRange(provider.Issues.Select(i => $"{where}: {i}"));
    }

    /// <summary>
    /// Overflow-checked arithmetic and conversions (<c>checked</c>, add.ovf, conv.ovf.*): nanoCLR runs them as the
    /// plain wrapping instruction, so an overflow the code counts on catching would pass silently on the device.
    /// </summary>
    private static void InspectInstructions(MethodBodyBlock body, string methodName, List<string> problems)
    {
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = 0xFE00 | il.ReadByte();
            }

            if (!OpCodeTable.TryGetValue((short)value, out var opCode))
            {
                problems.Add($"method {methodName}: unknown IL opcode 0x{value:X}");
                return;
            }

            if (opCode.Name!.Contains(".ovf", StringComparison.Ordinal))
            {
                problems.Add($"method {methodName}: overflow-checked {opCode.Name}, which nanoCLR runs unchecked");
            }

            var operand = opCode.OperandType switch
            {
                System.Reflection.Emit.OperandType.InlineNone => 0,
                System.Reflection.Emit.OperandType.ShortInlineBrTarget or System.Reflection.Emit.OperandType.ShortInlineI or System.Reflection.Emit.OperandType.ShortInlineVar => 1,
                System.Reflection.Emit.OperandType.InlineVar => 2,
                System.Reflection.Emit.OperandType.InlineI8 or System.Reflection.Emit.OperandType.InlineR => 8,
                System.Reflection.Emit.OperandType.InlineSwitch => 4 * il.ReadInt32(),
                _ => 4,
            };
            il.Offset += operand;
        }
    }

    private static readonly Dictionary<short, System.Reflection.Emit.OpCode> OpCodeTable = typeof(System.Reflection.Emit.OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (System.Reflection.Emit.OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static void InspectLocals(MetadataReader md, BlobHandle signature, string where, List<string> problems)
    {
        var provider = new ShapeProvider();
        var decoder = new SignatureDecoder<string, object?>(provider, md, null);
        var reader = md.GetBlobReader(signature);
        decoder.DecodeLocalSignature(ref reader);
        problems.AddRange(provider.Issues.Select(i => $"{where}: {i}"));
    }

    private static string TypeName(MetadataReader md, TypeDefinition type)
    {
        var ns = md.GetString(type.Namespace);
        var name = md.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string MemberName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)handle).Name),
        _ => handle.Kind.ToString(),
    };

    /// <summary>Decodes signatures to readable names and records the shapes mscorlib v1 cannot run.</summary>
    private sealed class ShapeProvider : ISignatureTypeProvider<string, object?>
    {
        public List<string> Issues { get; } = [];

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            Issues.Add($"multi-dimensional array {elementType}[{new string(',', shape.Rank - 1)}]");
            return $"{elementType}[{new string(',', shape.Rank - 1)}]";
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            var name = $"{genericType}<{string.Join(",", typeArguments)}>";
            Issues.Add($"generic instantiation {name}");
            return name;
        }

        public string GetGenericMethodParameter(object? genericContext, int index)
        {
            Issues.Add("generic method parameter");
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object? genericContext, int index)
        {
            Issues.Add("generic type parameter");
            return "!" + index;
        }

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            var ns = reader.GetString(reference.Namespace);
            var name = reader.GetString(reference.Name);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
