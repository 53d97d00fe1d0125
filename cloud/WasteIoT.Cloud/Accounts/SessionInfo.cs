namespace WasteIoT.Cloud.Accounts;

/// <summary>Who is signed in, and the anti-forgery token to send as <c>X-XSRF-TOKEN</c> with every change.</summary>
public sealed record SessionInfo(UserAccount Account, string AntiforgeryToken);
