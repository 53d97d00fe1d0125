namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// Per-device provisioning, written into this file before flashing (or read from a config partition):
    /// the gateway's Wi-Fi and MQTT endpoint and the credentials the gateway's provisioning command printed.
    /// </summary>
    public static class DeviceSettings
    {
        public const string DeviceId = "bin-0001";
        public const string Secret = "provisioned-secret";
        public const string WifiSsid = "wasteiot-gw";
        public const string WifiPassword = "change-me";
        public const string GatewayHost = "192.168.4.1";
        public const int GatewayPort = 1883;
        public const string Firmware = "1.0.0";
    }
}
