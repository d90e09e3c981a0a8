using System.Reflection;
using System.Reflection.Emit;

namespace CoupleConnect.Web.Tests.Architecture;

/// <summary>
/// Which types a compiled type uses: its signatures (base type, interfaces, fields, properties, parameters, return
/// types, generic arguments) and the types its method bodies name in IL (calls, object creation, fields, casts).
/// Razor components are compiled classes too, so pages are seen like any other code. Compiler-made nested types
/// (lambdas, async state machines) count as their outermost declaring type.
/// </summary>
public static class TypeDependencies
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public
        | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The outermost type a (possibly nested, compiler-generated) type belongs to.</summary>
    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    /// <summary>Every type of <paramref name="assembly"/> that <paramref name="type"/> uses, as outermost types.</summary>
    public static IReadOnlySet<Type> Of(Type type, Assembly assembly)
    {
        var used = new HashSet<Type>();
        void Add(Type? candidate)
        {
            if (candidate is null)
            {
                return;
            }

            if (candidate.HasElementType)
            {
                Add(candidate.GetElementType());
                return;
            }

            if (candidate.IsGenericType && !candidate.IsGenericTypeDefinition)
            {
                foreach (var argument in candidate.GetGenericArguments())
                {
                    Add(argument);
                }

                candidate = candidate.GetGenericTypeDefinition();
            }

            if (candidate.Assembly == assembly && !candidate.IsGenericParameter)
            {
                used.Add(Outermost(candidate));
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var named in TypesNamedInBody(method))
            {
                Add(named);
            }
        }

        return used;
    }

    private static IEnumerable<Type> TypesNamedInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                yield break; // not a method body we can read; the signatures still count
            }

            var operandSize = OperandSize(code.OperandType, il, position);
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                var member = Resolve(method, token);
                switch (member)
                {
                    case Type named:
                        yield return named;
                        break;
                    case MethodBase called:
                        if (called.DeclaringType is not null)
                        {
                            yield return called.DeclaringType;
                        }

                        if (called is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var argument in generic.GetGenericArguments())
                            {
                                yield return argument;
                            }
                        }

                        break;
                    case FieldInfo field when field.DeclaringType is not null:
                        yield return field.DeclaringType;
                        break;
                }
            }

            position += operandSize;
        }
    }

    private static MemberInfo? Resolve(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveMember(
                token,
                method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null; // a token into another module's generic context: not one of ours
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
