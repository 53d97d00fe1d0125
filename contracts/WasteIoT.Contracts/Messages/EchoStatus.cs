using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

/// <summary>
/// Health of a ranging sensor's echo. Anything but <see cref="Ok"/> means there is no level:
/// a lost echo must never reach the checks as "empty".
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<EchoStatus>))]
public enum EchoStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("lost")] Lost,
    [JsonStringEnumMemberName("outOfRange")] OutOfRange,
    [JsonStringEnumMemberName("unstable")] Unstable,
}
