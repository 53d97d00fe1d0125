using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>The truck's cargo cover switch changed state (after debouncing).</summary>
public sealed record CargoCoverEvent : DeviceMessage
{
    public required CoverState State { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Cover;

    public override ContractViolation? ValidateBody() => Check.Defined(State, "state");
}
