namespace WasteIoT.Cloud.Accounts;

public sealed record PasswordRequest(string Password);
