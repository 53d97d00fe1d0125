using System;
using System.Text;
using System.Threading;
using System.Device.Wifi;
using nanoFramework.M2Mqtt;
using nanoFramework.Networking;
using nanoFramework.M2Mqtt.Messages;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// The firmware's MQTT interface over nanoFramework.M2Mqtt (MQTT 3.1.1, QoS 1, persistent session).
    /// Wi-Fi comes up only when a connection is wanted, so a bin node that does not publish on a wake never
    /// powers its radio. The connect blocks (up to 10 s of Wi-Fi and M2Mqtt's connect timeout), which is why the
    /// mains nodes run the session on a thread of its own.
    /// </summary>
    public class M2MqttTransport : IMqttTransport
    {
        private readonly MqttClient _client;
        private readonly string _ssid;
        private readonly string _wifiPassword;
        private IMqttListener _listener;
        private readonly IPConfiguration _staticAddress;
        private bool _wifiUp;

        /// <param name="staticAddress">Address, mask and gateway for this node (no DHCP, no SNTP: seconds of radio saved per publish); null for DHCP.</param>
        public M2MqttTransport(string host, int port, string ssid, string wifiPassword, IPConfiguration staticAddress)
        {
            _ssid = ssid;
            _wifiPassword = wifiPassword;
            _staticAddress = staticAddress;
            _client = new MqttClient(host, port, false, null, null, MqttSslProtocols.None);
            _client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
            _client.MqttMsgPublished += OnPublished;
            _client.MqttMsgPublishReceived += OnReceived;
            _client.ConnectionClosed += OnClosed;
        }

        public bool IsConnected
        {
            get { return _client.IsConnected; }
        }

        public void SetListener(IMqttListener listener)
        {
            _listener = listener;
        }

        public bool TryConnect(string clientId, string username, string password, string willTopic, byte[] willPayload, out string error)
        {
            try
            {
                if (!_wifiUp)
                {
                    // Manual reconnection: the SSID is not stored, so the runtime never starts Wi-Fi by itself at boot and a
                    // measure-only wake keeps the radio off.
                    CancellationTokenSource timeout = new CancellationTokenSource(10000);
                    _wifiUp = _staticAddress != null
                        ? WifiNetworkHelper.ConnectFixAddress(_ssid, _wifiPassword, _staticAddress, WifiReconnectionKind.Manual, requiresDateTime: false, token: timeout.Token)
                        : WifiNetworkHelper.ConnectDhcp(_ssid, _wifiPassword, WifiReconnectionKind.Manual, requiresDateTime: true, token: timeout.Token);
                    if (!_wifiUp)
                    {
                        error = "Wi-Fi: " + WifiNetworkHelper.Status.ToString();
                        return false;
                    }
                }

                // M2Mqtt takes the will as a string; the status JSON is ASCII.
                string will = new string(Encoding.UTF8.GetChars(willPayload));
                MqttReasonCode code = _client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, will, false, 30);
                error = code == MqttReasonCode.Success ? null : "CONNACK " + code.ToString();
                return error == null;
            }
            catch (Exception ex)
            {
                error = ex.Message;
                return false;
            }
        }

        public bool TrySubscribe(string topicFilter)
        {
            try
            {
                _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public int Publish(string topic, byte[] payload, int length, bool retain)
        {
            try
            {
                byte[] message = new byte[length];
                Array.Copy(payload, message, length);
                return _client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, retain);
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public void Disconnect()
        {
            if (_client.IsConnected)
            {
                _client.Disconnect();
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (e.IsPublished && _listener != null)
            {
                _listener.OnPublishAcknowledged(e.MessageId);
            }
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (_listener != null)
            {
                _listener.OnMessage(e.Topic, e.Message);
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            if (_listener != null)
            {
                _listener.OnConnectionLost();
            }
        }
    }
}
