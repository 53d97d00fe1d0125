using System.Diagnostics.CodeAnalysis;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Serialization;

/// <summary>A decoded message, or why there is none.</summary>
public readonly record struct DecodeResult<T>(T? Value, ContractViolation? Violation)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Violation))]
    public bool IsValid => Value is not null && Violation is null;

    public static DecodeResult<T> Ok(T value) => new(value, null);

    public static DecodeResult<T> Fail(ContractViolation violation) => new(null, violation);

    public static DecodeResult<T> Fail(string reason, string? field, string detail) => new(null, new ContractViolation(reason, field, detail));
}
