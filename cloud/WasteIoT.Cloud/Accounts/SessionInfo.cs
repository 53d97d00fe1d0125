namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// Who is signed in, the anti-forgery token to send as <c>X-XSRF-TOKEN</c> with every change, and the county's time
/// zone (IANA id) in which pages show every time.
/// </summary>
public sealed record SessionInfo(UserAccount Account, string AntiforgeryToken, string TimeZone)
{
    /// <summary>The county and bureau (<c>Cloud:CountyName</c>, <c>Cloud:BureauName</c>), for the printed report.</summary>
    public string CountyName { get; init; } = string.Empty;

    public string BureauName { get; init; } = string.Empty;
}
