using System;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// The firmware's MQTT interface over M2Mqtt's <c>IMqttClient</c> (MQTT 3.1.1, QoS 1, persistent session): the
    /// M2Mqtt client over Wi-Fi to the gateway, or a SIM7080G's (nanoFramework.Iot.Device.AtModem) over LTE-M to the
    /// cloud's front door. Connecting blocks (Wi-Fi association, the 30 s CONNACK wait), which is why the mains nodes
    /// run the session on a thread of its own.
    /// </summary>
    public class MqttClientTransport : IMqttTransport
    {
        private readonly IMqttClient _client;
        private readonly WifiLink _wifi;
        private readonly bool _reportsPubacks;
        private IMqttListener _listener;

        /// <param name="wifi">The link to bring up before connecting; null when the client has its own (a modem).</param>
        /// <param name="reportsPubacks">
        /// False for the SIM7080G binding, which returns from Publish once the modem took the bytes and never raises
        /// MqttMsgPublished: a record then counts as delivered when the modem's session is still up after it, and one
        /// lost between modem and broker shows as a sequence gap (evidence "lost"), never as silence.
        /// </param>
        public MqttClientTransport(IMqttClient client, WifiLink wifi, bool reportsPubacks)
        {
            _client = client;
            _wifi = wifi;
            _reportsPubacks = reportsPubacks;
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
                if (_wifi != null && !_wifi.TryUp(out error))
                {
                    return false;
                }

                // M2Mqtt takes the will as a string; the status JSON is ASCII.
                string will = new string(Encoding.UTF8.GetChars(willPayload));
                MqttReasonCode code = _client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, will, false, 60);
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
                return _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce }) != 0;
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
                int id = _client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, retain);
                if (!_reportsPubacks)
                {
                    if (!_client.IsConnected)
                    {
                        return -1;
                    }

                    if (_listener != null)
                    {
                        _listener.OnPublishAcknowledged(id);
                    }
                }

                return id;
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
            if (_reportsPubacks && e.IsPublished && _listener != null)
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
