using System;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// MQTT over a SIM7080G LTE-M/NB-IoT modem (nanoFramework.Iot.Device.AtModem's IMqttClient, AT+SMCONN/SMPUB), for
    /// street bins with no gateway nearby: they connect to the cloud's MQTT front door directly. The modem stays in
    /// PSM between wakes. The binding does not report PUBACKs (its Publish returns once the modem took the bytes), so
    /// a record counts as delivered when the modem's MQTT session is still up after the publish; a record lost between
    /// the modem and the broker shows as a sequence gap (evidence "lost"), never as silence. Window 1.
    /// </summary>
    public class CellularMqttTransport : IMqttTransport
    {
        private readonly IMqttClient _client;
        private IMqttListener _listener;

        public CellularMqttTransport(IMqttClient client, string host, int port)
        {
            _client = client;
            _client.Init(host, port, false, (byte[])null, (byte[])null, MqttSslProtocols.None);
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
                string will = new string(Encoding.UTF8.GetChars(willPayload));
                MqttReasonCode code = _client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, will, false, 300);
                error = code == MqttReasonCode.Success ? null : "modem CONNACK " + code.ToString();
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
                if (_client.IsConnected && _listener != null)
                {
                    _listener.OnPublishAcknowledged(id);
                }

                return _client.IsConnected ? id : -1;
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
