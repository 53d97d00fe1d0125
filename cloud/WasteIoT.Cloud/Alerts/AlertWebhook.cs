using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Alerts;

/// <summary>
/// Posts each new case to the county's webhook (<c>Cloud:Alerts:WebhookUrl</c>), in filing order, signed with
/// HMAC-SHA256 of the body (<c>X-WasteIoT-Signature: sha256=…</c>) and numbered (<c>X-WasteIoT-Delivery</c>: the case
/// id, so a receiver drops a repeat). A failed delivery is retried, waiting twice as long each time up to
/// <see cref="AlertOptions.MaxRetryDelay"/>; nothing after it goes first. Delivered is a cursor in the database,
/// advanced only from the value read, so cloud instances sharing a database do not post a case twice in a row and a
/// restart resumes where delivery stopped.
/// </summary>
public sealed partial class AlertWebhook(
    CaseStore cases, CloudDatabase database, IHttpClientFactory clients, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertWebhook> logger) : BackgroundService
{
    public const string ClientName = "alert-webhook";

    private long _delivered;

    /// <summary>Cases delivered by this instance since start (for tests and the health page).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.WebhookUrl.Length == 0)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverAsync(settings, stoppingToken);
                delay = TimeSpan.FromSeconds(1);
                if (sent == 0)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or WebhookRefusedException or System.Data.Common.DbException)
            {
                LogRetry(logger, delay.TotalSeconds, ex.Message);
                await Task.Delay(delay, time, stoppingToken);
                delay = delay * 2 > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay * 2;
            }
        }
    }

    private async Task<int> DeliverAsync(AlertOptions settings, CancellationToken cancellationToken)
    {
        var last = await CursorAsync(cancellationToken);
        if (last < 0)
        {
            // First start with a webhook: the county wants what is filed from now on, not the archive.
            await AdvanceAsync(last, await cases.NewestIdAsync(cancellationToken), cancellationToken);
            return 0;
        }

        var fresh = await cases.AfterAsync(last, 20, cancellationToken);
        foreach (var c in fresh)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { kind = "case", @case = new CaseAlert(c.Id, c.Kind, c.Subject, c.Day, c.Contractor, c.Title, c.Filed, c.Due) }, JsonSerializerOptions.Web);
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-WasteIoT-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.WebhookSecret), body)));
            request.Headers.Add("X-WasteIoT-Delivery", c.Id.ToString(CultureInfo.InvariantCulture));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebhookRefusedException($"case {c.Id}: the webhook answered {(int)response.StatusCode}");
            }

            if (!await AdvanceAsync(last, c.Id, cancellationToken))
            {
                // Another instance delivered meanwhile: start again from the cursor.
                return 1;
            }

            last = c.Id;
            Interlocked.Increment(ref _delivered);
        }

        return fresh.Count;
    }

    private async Task<long> CursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT last FROM alert_cursor WHERE id = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<bool> AdvanceAsync(long from, long to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("UPDATE alert_cursor SET last = @to WHERE id = 1 AND last = @from").With("@to", to).With("@from", from);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook delivery failed ({Reason}); retrying in {Seconds} s")]
    private static partial void LogRetry(ILogger logger, double seconds, string reason);

    private sealed class WebhookRefusedException(string message) : Exception(message);
}
