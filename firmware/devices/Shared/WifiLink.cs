using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// The station link to the gateway's access point, brought up only when the session wants to connect. Manual
    /// reconnection: the SSID is not stored, so the runtime never starts Wi-Fi by itself at boot and a measure-only
    /// wake keeps the radio off. A static address saves DHCP and SNTP (seconds of radio per publish).
    /// </summary>
    public class WifiLink
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly IPConfiguration _staticAddress;
        private bool _up;

        /// <param name="staticAddress">Address, mask, gateway and DNS of this node; null for DHCP and SNTP.</param>
        public WifiLink(string ssid, string password, IPConfiguration staticAddress)
        {
            _ssid = ssid;
            _password = password;
            _staticAddress = staticAddress;
        }

        public bool TryUp(out string error)
        {
            error = null;
            if (_up)
            {
                return true;
            }

            CancellationTokenSource timeout = new CancellationTokenSource(10000);
            _up = _staticAddress != null
                ? WifiNetworkHelper.ConnectFixAddress(_ssid, _password, _staticAddress, WifiReconnectionKind.Manual, requiresDateTime: false, token: timeout.Token)
                : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Manual, requiresDateTime: true, token: timeout.Token);
            if (!_up)
            {
                error = "Wi-Fi: " + WifiNetworkHelper.Status.ToString();
            }

            return _up;
        }
    }
}
