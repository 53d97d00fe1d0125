using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>The cover's state at a moment: from a cover event or from the state in a heartbeat.</summary>
public sealed record CoverObservation(DateTimeOffset Ts, bool Open)
{
    /// <summary>Every cover state a truck node's messages tell, in time order.</summary>
    public static List<CoverObservation> From(IEnumerable<DeviceMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return [.. messages.Select(m => m switch
            {
                CargoCoverEvent c => new CoverObservation(c.Ts, c.State == CoverState.Open),
                DeviceHeartbeat { Cover: { } cover } h => new CoverObservation(h.Ts, cover == CoverState.Open),
                _ => null,
            })
            .OfType<CoverObservation>()
            .OrderBy(c => c.Ts)];
    }
}
