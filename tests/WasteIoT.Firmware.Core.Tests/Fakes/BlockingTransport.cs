using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Tests.Fakes;

/// <summary>
/// A transport whose connect hangs until released, as M2Mqtt's does for up to ~40 s (Wi-Fi association plus its 30 s
/// CONNACK timeout) when the gateway is out of reach; then it behaves like the <see cref="FakeMqtt"/> it wraps.
/// </summary>
internal sealed class BlockingTransport(FakeMqtt inner) : IMqttTransport, IDisposable
{
    private readonly ManualResetEventSlim _release = new(false);
    private readonly ManualResetEventSlim _blocked = new(false);
    private readonly object _sync = new();

    public bool IsBlocking { get; private set; }

    public bool IsConnected
    {
        get
        {
            lock (_sync)
            {
                return inner.IsConnected;
            }
        }
    }

    public bool WaitUntilBlocked(TimeSpan timeout) => _blocked.Wait(timeout);

    public void Release() => _release.Set();

    public void SetListener(IMqttListener listener) => inner.SetListener(listener);

    public bool TryConnect(string clientId, string username, string password, string willTopic, byte[] willPayload, out string error)
    {
        IsBlocking = true;
        _blocked.Set();
        _release.Wait();
        IsBlocking = false;
        lock (_sync)
        {
            return inner.TryConnect(clientId, username, password, willTopic, willPayload, out error!);
        }
    }

    public bool TrySubscribe(string topicFilter)
    {
        lock (_sync)
        {
            return inner.TrySubscribe(topicFilter);
        }
    }

    public int Publish(string topic, byte[] payload, int length, bool retain)
    {
        lock (_sync)
        {
            return inner.Publish(topic, payload, length, retain);
        }
    }

    public void Disconnect()
    {
        lock (_sync)
        {
            inner.Disconnect();
        }
    }

    public List<string> Payloads(string kind)
    {
        lock (_sync)
        {
            return [.. inner.Payloads(kind)];
        }
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
        _blocked.Dispose();
    }
}
