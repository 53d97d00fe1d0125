namespace WasteIoT.Gateway.Identity;

/// <summary>Who this gateway is at the cloud: its id is its MQTT client id and user name, and names it in every batch and alarm.</summary>
public sealed record GatewayIdentity(string Id);
