namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>
    /// MQTT 3.1.1 client as the firmware needs it (M2Mqtt on the device, MQTTnet in the simulator).
    /// QoS 1 throughout. Acknowledgements and downlinks arrive on the transport's own thread through
    /// <see cref="IMqttListener"/>.
    /// </summary>
    public interface IMqttTransport
    {
        bool IsConnected { get; }

        void SetListener(IMqttListener listener);

        /// <summary>Connects with a clean session false and a retained last will.</summary>
        bool TryConnect(string clientId, string username, string password, string willTopic, byte[] willPayload, out string error);

        bool TrySubscribe(string topicFilter);

        /// <summary>Publishes at QoS 1.</summary>
        /// <returns>The packet id the PUBACK will carry, or -1 when the message could not be sent.</returns>
        int Publish(string topic, byte[] payload, int length, bool retain);

        void Disconnect();
    }
}
