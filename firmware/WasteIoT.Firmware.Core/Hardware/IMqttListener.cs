namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>Callbacks of an <see cref="IMqttTransport"/> (an interface, since nanoFramework has no generic EventHandler).</summary>
    public interface IMqttListener
    {
        void OnPublishAcknowledged(int packetId);

        void OnMessage(string topic, byte[] payload);

        void OnConnectionLost();
    }
}
