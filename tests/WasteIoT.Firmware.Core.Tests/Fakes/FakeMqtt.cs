using System.Text;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Tests.Fakes;

/// <summary>Records what the firmware publishes; PUBACKs are sent when the test says so.</summary>
internal sealed class FakeMqtt : IMqttTransport
{
    private IMqttListener? _listener;
    private int _nextPacket;

    public bool IsConnected { get; private set; }

    public bool RefuseConnect { get; set; }

    public bool AutoAck { get; set; } = true;

    public int Connects { get; private set; }

    public string? WillTopic { get; private set; }

    public string? Will { get; private set; }

    public List<(string Topic, string Payload, bool Retain, int PacketId)> Published { get; } = [];

    public List<int> Unacked { get; } = [];

    public List<string> Subscriptions { get; } = [];

    public IEnumerable<string> Payloads(string kind) =>
        Published.Where(p => p.Topic.EndsWith("/up/" + kind, StringComparison.Ordinal)).Select(p => p.Payload);

    public void SetListener(IMqttListener listener) => _listener = listener;

    public bool TryConnect(string clientId, string username, string password, string willTopic, byte[] willPayload, out string error)
    {
        Connects++;
        if (RefuseConnect)
        {
            error = "refused";
            return false;
        }

        WillTopic = willTopic;
        Will = Encoding.UTF8.GetString(willPayload);
        IsConnected = true;
        error = null!;
        return true;
    }

    public bool TrySubscribe(string topicFilter)
    {
        Subscriptions.Add(topicFilter);
        return true;
    }

    public int Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!IsConnected)
        {
            return -1;
        }

        var id = ++_nextPacket;
        Published.Add((topic, Encoding.UTF8.GetString(payload, 0, length), retain, id));
        if (AutoAck)
        {
            _listener!.OnPublishAcknowledged(id);
        }
        else
        {
            Unacked.Add(id);
        }

        return id;
    }

    public void AckAll()
    {
        foreach (var id in Unacked.ToList())
        {
            Unacked.Remove(id);
            _listener!.OnPublishAcknowledged(id);
        }
    }

    public void Ack(int packetId)
    {
        Unacked.Remove(packetId);
        _listener!.OnPublishAcknowledged(packetId);
    }

    public void Drop()
    {
        IsConnected = false;
        Unacked.Clear();
        _listener!.OnConnectionLost();
    }

    public void Deliver(string topic, string payload) => _listener!.OnMessage(topic, Encoding.UTF8.GetBytes(payload));

    public void Disconnect() => IsConnected = false;
}
