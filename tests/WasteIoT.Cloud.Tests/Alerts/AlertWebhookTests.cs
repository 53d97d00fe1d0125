using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Alerts;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Alerts;

public sealed class AlertWebhookTests
{
    private const string Secret = "county-webhook-secret-0001";

    [Fact]
    public async Task NewCasesArePostedSignedInOrderAndRetriedUntilTaken()
    {
        var port = WasteIoT.Testing.MosquittoBroker.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Delivery, string Signature, byte[] Body)>();
        var refusals = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var receiver = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await listener.GetContextAsync().WaitAsync(stop.Token);
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (received)
                {
                    // The county's gateway is down for the first delivery: it must come again.
                    var refuse = refusals == 0;
                    refusals += refuse ? 1 : 0;
                    received.Add((context.Request.Headers["X-WasteIoT-Delivery"]!, context.Request.Headers["X-WasteIoT-Signature"]!, body.ToArray()));
                    context.Response.StatusCode = refuse ? 503 : 204;
                }

                context.Response.Close();
            }
        });

        await using var cloud = await RunningCloud.StartAsync(
            "--Cloud:Alerts:WebhookUrl", $"http://127.0.0.1:{port}/hook", "--Cloud:Alerts:WebhookSecret", Secret, "--Cloud:Alerts:PollInterval", "00:00:00.2");
        // Wait for the webhook to take its starting point (the newest case, none yet) before any case is filed.
        var started = DateTime.UtcNow.AddSeconds(30);
        while (await CursorAsync(cloud) < 0 && DateTime.UtcNow < started)
        {
            await Task.Delay(50);
        }

        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var filed = await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        Assert.True(filed > 0);

        var webhook = cloud.Service<AlertWebhook>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (webhook.Delivered < filed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(filed, webhook.Delivered);
        List<(string Delivery, string Signature, byte[] Body)> got;
        lock (received)
        {
            got = [.. received];
        }

        // The refused first delivery came again; then every case once, in filing order, each signed over its body.
        Assert.Equal(filed + 1, got.Count);
        Assert.Equal(got[0].Delivery, got[1].Delivery);
        var ids = got.Skip(1).Select(g => long.Parse(g.Delivery, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        foreach (var (delivery, signature, body) in got)
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)), signature);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal(("case", delivery), (json.GetProperty("kind").GetString(), json.GetProperty("case").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await stop.CancelAsync();
    }

    private static async Task<long> CursorAsync(RunningCloud cloud)
    {
        await using var connection = await cloud.Service<CloudDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.Command("SELECT last FROM alert_cursor WHERE id = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task WebhookWithoutASecretIsRefusedAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningCloud.StartAsync("--Cloud:Alerts:WebhookUrl", "http://127.0.0.1:9/hook"));
        Assert.Contains("WebhookSecret", error.ToString(), StringComparison.Ordinal);
    }
}
