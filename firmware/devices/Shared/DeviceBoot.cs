using System;
using System.Diagnostics;
using System.Threading;
using nanoFramework.M2Mqtt;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>What every node does at start: state and log from flash, the MQTT session, the node context.</summary>
    public static class DeviceBoot
    {
        /// <param name="layout">The node's store-and-forward log (fixed for the device's life: LogLayout.BinNode() etc.).</param>
        /// <param name="transport">Wi-Fi (M2Mqtt) or cellular (SIM7080G) MQTT.</param>
        /// <param name="window">Messages in flight awaiting their PUBACK.</param>
        public static NodeContext Start(Esp32Power power, LogLayout layout, IMqttTransport transport, int window)
        {
            NanoClock clock = new NanoClock();

            // 1 KiB in two copies, saved per wake or config: one block rewritten each time, not per message.
            DeviceState state = new DeviceState(new FileFlashRegion("I:\\state.bin", 1024));
            state.TryLoad();
            state.BeginBoot(power.WokeFromDeepSleep, clock.UtcNowMs);
            state.Save();
            SegmentLog log = layout.Create(new LittleFsSegmentStore("I:\\log"), new LittleFsSegmentStore("I:\\ack"));
            log.Mount();
            GatewaySession session = new GatewaySession(transport, log, state, clock, new Random(), DeviceSettings.DeviceId, DeviceSettings.Secret, DeviceSettings.Firmware, window);
            return new NodeContext(clock, power, state, session, DeviceSettings.Firmware);
        }

        /// <summary>
        /// The loop of a node that never sleeps (truck, site). Connecting and publishing block (Wi-Fi association, the
        /// MQTT connect timeout), so the session runs on a thread of its own and the loop keeps reading the reader, the
        /// UART and the switches whatever the network does.
        /// </summary>
        public static void RunForever(NodeContext context, IMainsNode node, int periodMs)
        {
            context.SessionOnOwnThread = true;
            new GatewayWorker(context.Session).Start();
            while (true)
            {
                try
                {
                    node.Tick();
                }
                catch (Exception ex)
                {
                    // One catch-all around the loop: a sensor hiccup must not stop the node; the watchdog covers hangs.
                    Debug.WriteLine("tick failed: " + ex.Message);
                }

                Thread.Sleep(periodMs);
            }
        }

        /// <summary>M2Mqtt over Wi-Fi to the gateway named in DeviceSettings.</summary>
        public static IMqttTransport WifiTransport()
        {
            MqttClient client = new MqttClient(DeviceSettings.GatewayHost, DeviceSettings.GatewayPort, false, null, null, MqttSslProtocols.None);
            client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
            return new MqttClientTransport(client, new WifiLink(DeviceSettings.WifiSsid, DeviceSettings.WifiPassword, DeviceSettings.StaticAddress), true);
        }
    }
}
