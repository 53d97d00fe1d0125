namespace WasteIoT.Contracts;

/// <summary>
/// The MQTT topic namespace (docs/protocol.md, "Topics"). Every topic carries the id of the one client
/// allowed to publish on it, so a broker can authorise by comparing one level with the client id.
/// </summary>
public static class Topics
{
    public const string Root = "wiot/v1";

    /// <summary>Device → gateway reading or event: <c>wiot/v1/dev/{device}/up/{kind}</c>.</summary>
    public static string DeviceUp(string device, string kind) => $"{Root}/dev/{device}/up/{kind}";

    /// <summary>Device presence, retained, also the last will: <c>wiot/v1/dev/{device}/status</c>.</summary>
    public static string DeviceStatus(string device) => $"{Root}/dev/{device}/status";

    /// <summary>Gateway → device: <c>wiot/v1/dev/{device}/down/{kind}</c> (config retained, scanResult not).</summary>
    public static string DeviceDown(string device, string kind) => $"{Root}/dev/{device}/down/{kind}";

    /// <summary>What a device subscribes to.</summary>
    public static string DeviceDownFilter(string device) => $"{Root}/dev/{device}/down/#";

    /// <summary>The start every downlink topic of a device shares (a narrower subscription is one that starts with it).</summary>
    public static string DeviceDownPrefix(string device) => $"{Root}/dev/{device}/down/";

    /// <summary>Gateway → cloud batches: <c>wiot/v1/gw/{gateway}/up/batch</c>.</summary>
    public static string GatewayUp(string gateway, string kind) => $"{Root}/gw/{gateway}/up/{kind}";

    /// <summary>Gateway presence, retained, also the last will.</summary>
    public static string GatewayStatus(string gateway) => $"{Root}/gw/{gateway}/status";

    /// <summary>Cloud → gateway: <c>wiot/v1/gw/{gateway}/down/{kind}</c> (ack, route, config).</summary>
    public static string GatewayDown(string gateway, string kind) => $"{Root}/gw/{gateway}/down/{kind}";

    /// <summary>What a gateway subscribes to on the cloud.</summary>
    public static string GatewayDownFilter(string gateway) => $"{Root}/gw/{gateway}/down/#";

    /// <summary>The start every downlink topic of a gateway shares.</summary>
    public static string GatewayDownPrefix(string gateway) => $"{Root}/gw/{gateway}/down/";

    /// <summary>Splits a topic of the namespace into its parts.</summary>
    /// <returns>False when the topic is not of the form <c>wiot/v1/{dev|gw}/{id}/{up|down}/{kind}</c> or <c>…/{id}/status</c>.</returns>
    public static bool TryParse(string topic, out TopicParts parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(topic) || !topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var levels = topic[(Root.Length + 1)..].Split('/');
        if (levels.Length < 3 || levels[0] is not ("dev" or "gw") || levels[1].Length == 0)
        {
            return false;
        }

        var isDevice = levels[0] == "dev";
        if (levels.Length == 3 && levels[2] == "status")
        {
            parts = new TopicParts(isDevice, levels[1], TopicDirection.Status, Messages.MessageKinds.Status);
            return true;
        }

        if (levels.Length != 4 || levels[3].Length == 0)
        {
            return false;
        }

        var direction = levels[2] switch
        {
            "up" => TopicDirection.Up,
            "down" => TopicDirection.Down,
            _ => (TopicDirection?)null,
        };
        if (direction is null)
        {
            return false;
        }

        parts = new TopicParts(isDevice, levels[1], direction.Value, levels[3]);
        return true;
    }
}
