using WasteIoT.Contracts.Messages;
namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>A badge event as stored: action is checkIn, checkOut or timeout; dwell is the node's own count on checkOut and timeout.</summary>
public sealed record BadgeRecord(DateTimeOffset Ts, string Badge, BadgeAction Action, int? DwellS);
