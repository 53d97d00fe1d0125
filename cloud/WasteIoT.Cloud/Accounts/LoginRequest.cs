namespace WasteIoT.Cloud.Accounts;

public sealed record LoginRequest(string Name, string Password);
