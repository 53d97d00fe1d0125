namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// Who is signed in, the anti-forgery token to send as <c>X-XSRF-TOKEN</c> with every change, and the county's time
/// zone (IANA id) in which pages show every time.
/// </summary>
public sealed record SessionInfo(UserAccount Account, string AntiforgeryToken, string TimeZone);
