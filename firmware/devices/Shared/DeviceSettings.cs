using nanoFramework.Networking;

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

        /// <summary>Bin nodes only: LTE-M (SIM7080G) straight to the cloud instead of Wi-Fi to a gateway.</summary>
        public const bool Cellular = false;

        /// <summary>
        /// Truck nodes on work vehicles: the equipment wired to TruckNodePins.WorkInputA / WorkInputB (a WorkEquipment
        /// name: "brush", "pump", "cannon", "tipper"), or null where nothing is wired (a collection truck).
        /// </summary>
        public const string WorkEquipmentA = null;

        public const string WorkEquipmentB = null;

        /// <summary>
        /// Site nodes in a scale house: the weighbridge indicator's output on COM3 ("a9" for XK3190-A9-style STX frames,
        /// "reversed" for the '=' format, "ticket" for its English print output, one visit a ticket), or null where
        /// there is no weighbridge. Its unit (1 for kg, 1000
        /// for t) and division as set on the indicator.
        /// </summary>
        public const string ScaleFormat = null;

        public const int ScaleKgPerUnit = 1;

        public const int ScaleDivisionKg = 20;

        /// <summary>Site nodes beside a leachate treatment unit: litres per pulse of its flow meter on GPIO34; 0 where there is none.</summary>
        public const double FlowLitresPerPulse = 0;

        /// <summary>The cloud's MQTT front door, for cellular nodes.</summary>
        public const string CloudHost = "mqtt.wasteiot.example";

        public const int CloudPort = 1883;

        /// <summary>This node's fixed address on the gateway's network; null to use DHCP (and SNTP), which costs radio time.</summary>
        public static readonly IPConfiguration StaticAddress =
            new IPConfiguration("192.168.4.50", "255.255.255.0", "192.168.4.1", new string[] { "192.168.4.1" });
    }
}
