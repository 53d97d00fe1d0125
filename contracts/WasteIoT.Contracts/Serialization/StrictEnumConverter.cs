using System.Text.Json.Serialization;

namespace WasteIoT.Contracts.Serialization;

/// <summary>
/// Enums travel as their documented names only; a number in their place is malformed input,
/// not a silent cast (the default converter would accept <c>"status": 7</c>).
/// </summary>
public sealed class StrictEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
