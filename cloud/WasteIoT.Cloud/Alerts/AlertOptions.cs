using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Alerts;

/// <summary>
/// The <c>Cloud:Alerts</c> section: how often open pages and the webhook look for new cases, and the webhook a county
/// forwards them to its SMS or WeChat Work gateway with (empty: none).
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Cloud:Alerts";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>An absolute http(s) URL each new case is POSTed to; empty for no webhook.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Key of the body's HMAC-SHA256 in <c>X-WasteIoT-Signature</c> (required with a webhook).</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Longest wait between retries of a failed delivery (it doubles from one second).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public bool Valid() =>
        WebhookUrl.Length == 0 || (Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && WebhookSecret.Length >= 16);
}
