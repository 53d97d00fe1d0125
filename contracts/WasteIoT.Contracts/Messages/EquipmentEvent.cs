using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>A work vehicle's equipment switched on or off (after debouncing); the first stable state after boot is sent too.</summary>
public sealed record EquipmentEvent : DeviceMessage
{
    public required WorkEquipment Equipment { get; init; }

    public required bool On { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Work;

    public override ContractViolation? ValidateBody() => Check.Defined(Equipment, "equipment");
}
