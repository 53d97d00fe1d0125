using System.Threading.Channels;
using WasteIoT.Contracts.Uplink;

namespace WasteIoT.Gateway.EdgeRules;

/// <summary>Alarms waiting for the uplink; bounded, the oldest give way if the cloud stays away for long.</summary>
public sealed class AlarmQueue
{
    private readonly Channel<GatewayAlarm> _channel = Channel.CreateBounded<GatewayAlarm>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<GatewayAlarm> Reader => _channel.Reader;

    public void Raise(GatewayAlarm alarm)
    {
        _channel.Writer.TryWrite(alarm);
    }

    /// <summary>Puts back an alarm whose send failed.</summary>
    public void Retry(GatewayAlarm alarm) => _channel.Writer.TryWrite(alarm);
}
