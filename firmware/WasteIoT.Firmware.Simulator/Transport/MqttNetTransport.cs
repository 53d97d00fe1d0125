using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Transport;

/// <summary>
/// The firmware's synchronous MQTT interface over an MQTTnet client, as M2Mqtt provides it on the device:
/// MQTT 3.1.1, QoS 1, persistent session. PUBACKs complete on MQTTnet's threads and are reported to the
/// listener with the id <see cref="Publish"/> returned. <see cref="Blocked"/> simulates a radio dead zone.
/// </summary>
internal sealed class MqttNetTransport(string host, int port) : IMqttTransport, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private IMqttListener? _listener;
    private int _nextId;
    private bool _blocked;
    private bool _wired;

    public bool IsConnected => _client.IsConnected && !_blocked;

    /// <summary>While true the radio is gone: the connection drops and connects fail.</summary>
    public bool Blocked
    {
        get => _blocked;
        set
        {
            _blocked = value;
            if (value && _client.IsConnected)
            {
                _ = _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.UnspecifiedError });
            }
        }
    }

    public void SetListener(IMqttListener listener)
    {
        _listener = listener;
        if (_wired)
        {
            return;
        }

        _wired = true;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _listener?.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
            {
                _listener?.OnConnectionLost();
            }

            return Task.CompletedTask;
        };
    }

    public bool TryConnect(string clientId, string username, string password, string willTopic, byte[] willPayload, out string error)
    {
        error = "";
        if (_blocked)
        {
            error = "no radio coverage";
            return false;
        }

        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(username, password)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(ConnectTimeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            var result = _client.ConnectAsync(options, timeout.Token).GetAwaiter().GetResult();
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                error = result.ResultCode.ToString();
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException or MQTTnet.Adapter.MqttConnectingFailedException)
        {
            error = ex.Message;
            return false;
        }
    }

    public bool TrySubscribe(string topicFilter)
    {
        try
        {
            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            var result = _client.SubscribeAsync(options).GetAwaiter().GetResult();
            return result.Items.All(i => (int)i.ResultCode <= 2);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    public int Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!IsConnected)
        {
            return -1;
        }

        var id = Interlocked.Increment(ref _nextId) & 0x7FFFFFFF;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.AsMemory(0, length).ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        _ = CompleteAsync(id, message);
        return id;
    }

    public void Disconnect()
    {
        if (_client.IsConnected)
        {
            try
            {
                _client.DisconnectAsync().GetAwaiter().GetResult();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone.
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task CompleteAsync(int id, MqttApplicationMessage message)
    {
        try
        {
            var result = await _client.PublishAsync(message).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                _listener?.OnPublishAcknowledged(id);
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // No PUBACK: the record stays in the device's flash and is sent again after the reconnect.
        }
    }
}
