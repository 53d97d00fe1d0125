using System.Buffers;

namespace WasteIoT.Contracts.Validation;

/// <summary>Range rules shared by every message kind.</summary>
public static class Check
{
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    /// <summary>Device and gateway ids: 3..32 of [a-z0-9-], starting with a letter or digit, so they are safe as one MQTT topic level.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 3 and <= 32 } && id[0] != '-' && !id.AsSpan().ContainsAnyExcept(IdChars);

    /// <summary>Tag ids, badges and version strings: 1..maxLength printable ASCII without JSON or topic metacharacters.</summary>
    public static bool IsValidToken(string? value, int maxLength = 32) =>
        value is not null && value.Length >= 1 && value.Length <= maxLength && !value.AsSpan().ContainsAnyExcept(TokenChars);

    public static ContractViolation? Range(double? value, string field, double min, double max) =>
        value is { } v && (double.IsNaN(v) || v < min || v > max) ? ContractViolation.OutOfRange(field, v, min, max) : null;

    public static ContractViolation? Range(long? value, string field, long min, long max) =>
        value is { } v && (v < min || v > max) ? ContractViolation.OutOfRange(field, v, min, max) : null;

    public static ContractViolation? Token(string? value, string field, bool required = true, int maxLength = 32)
    {
        if (value is null)
        {
            return required ? ContractViolation.Missing(field) : null;
        }

        return IsValidToken(value, maxLength)
            ? null
            : new ContractViolation(ViolationReason.InvalidId, field, $"must be 1..{maxLength} of [A-Za-z0-9._:-]");
    }

    public static ContractViolation? Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : new ContractViolation(ViolationReason.OutOfRange, field, $"'{value}' is not a known value");

    /// <summary>Returns the first non-null violation.</summary>
    public static ContractViolation? First(params ReadOnlySpan<ContractViolation?> violations)
    {
        foreach (var v in violations)
        {
            if (v is not null)
            {
                return v;
            }
        }

        return null;
    }
}
