namespace WasteIoT.Cloud.Accounts;

/// <summary>Authorization policy names.</summary>
public static class CloudPolicies
{
    public const string Bureau = "bureau";
}
