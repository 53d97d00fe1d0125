namespace WasteIoT.Contracts.Validation;

/// <summary>One broken rule of the wire contract.</summary>
/// <param name="Reason">A <see cref="ViolationReason"/> code.</param>
/// <param name="Field">The JSON field at fault, when there is one.</param>
/// <param name="Detail">Human-readable explanation for logs and the quarantine.</param>
public sealed record ContractViolation(string Reason, string? Field, string Detail)
{
    public override string ToString() => Field is null ? $"{Reason}: {Detail}" : $"{Reason}({Field}): {Detail}";

    public static ContractViolation OutOfRange(string field, double value, double min, double max) =>
        new(ViolationReason.OutOfRange, field, FormattableString.Invariant($"{value} is outside {min}..{max}"));

    public static ContractViolation Missing(string field) =>
        new(ViolationReason.MissingField, field, $"'{field}' is required");
}
