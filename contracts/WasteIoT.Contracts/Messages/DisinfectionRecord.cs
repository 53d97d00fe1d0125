using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>The disinfection button at a toilet or transfer station was pressed.</summary>
public sealed record DisinfectionRecord : DeviceMessage
{
    /// <summary>The last badge checked in at the site, when there is one.</summary>
    public string? Badge { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Disinfect;

    public override ContractViolation? ValidateBody() => Check.Token(Badge, "badge", required: false);
}
