using System;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>What every node does at start: state and ring from flash, the MQTT session, the node context.</summary>
    public static class DeviceBoot
    {
        /// <param name="ringSlots">256-byte slots of store-and-forward buffer (fixed for the device's life).</param>
        /// <param name="window">Messages in flight awaiting their PUBACK.</param>
        public static NodeContext Start(Esp32Power power, int ringSlots, int window)
        {
            NanoClock clock = new NanoClock();
            DeviceState state = new DeviceState(new FileFlashRegion("I:\\state.bin", 1024));
            state.TryLoad();
            state.BeginBoot(power.WokeFromDeepSleep, clock.UtcNowMs);
            state.Save();
            RecordRing ring = new RecordRing(new FileFlashRegion("I:\\ring.bin", 256 * ringSlots), 256);
            ring.Mount();
            M2MqttTransport transport = new M2MqttTransport(DeviceSettings.GatewayHost, DeviceSettings.GatewayPort, DeviceSettings.WifiSsid, DeviceSettings.WifiPassword);
            UplinkSession session = new UplinkSession(transport, ring, state, clock, new Random(), DeviceSettings.DeviceId, DeviceSettings.Secret, DeviceSettings.Firmware, window);
            return new NodeContext(clock, power, state, session, DeviceSettings.Firmware);
        }
    }
}
