using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// An Azure IoT Hub shared access signature: <c>SharedAccessSignature sr={uri}&amp;sig={sig}&amp;se={expiry}</c>, where
/// sig = base64(HMAC-SHA256(key, url-encoded uri + "\n" + expiry)) and uri = <c>{hub}/devices/{device}</c>.
/// </summary>
public static class SasToken
{
    public static string Create(string hubHostName, string deviceId, string base64Key, DateTimeOffset expiry)
    {
        var resource = WebUtility.UrlEncode($"{hubHostName}/devices/{deviceId}");
        var seconds = expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.UTF8.GetBytes(resource + "\n" + seconds));
        return $"SharedAccessSignature sr={resource}&sig={WebUtility.UrlEncode(Convert.ToBase64String(signature))}&se={seconds}";
    }
}
