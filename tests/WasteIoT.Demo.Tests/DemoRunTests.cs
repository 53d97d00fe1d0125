using System.Net.Http.Json;
using System.Text.Json;

namespace WasteIoT.Demo.Tests;

/// <summary>The one-command demo, in process and fast: it serves the dashboard, its logins work, the day gets verdicts, and it stops.</summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task DemoReplaysADayThatTheBureauCanOpenAndStopsOnRequest()
    {
        var port = WasteIoT.Testing.MosquittoBroker.FreePort();
        var data = Directory.CreateTempSubdirectory("wiot-demo-run-").FullName;
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        // 600×: the day in two minutes. Faster — or on a machine busy with other tests — the trucks make fixes faster
        // than their radios send them, their flash logs overflow, and the cloud reports the loss as sequence gaps.
        var run = Task.Run(() => DemoRun.RunAsync(600, port, data, synced, stop.Token));

        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (!Text(output).Contains("The day is replayed", StringComparison.Ordinal))
        {
            Assert.False(run.IsCompleted, Text(output));
            Assert.True(DateTime.UtcNow < deadline, "the demo day did not finish in 6 minutes: " + Text(output));
            await Task.Delay(500);
        }

        var lines = Text(output).Split('\n');
        var bureau = lines.Single(l => l.TrimStart().StartsWith("Bureau", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = lines.Single(l => l.StartsWith("Replaying", StringComparison.Ordinal)).Split(' ')[1];
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        (await client.PostAsJsonAsync("/api/account/login", new { name = bureau[1], password = bureau[2] })).EnsureSuccessStatusCode();
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/audit/{day}/summary");

        // Three trucks of 40 households each, every one collected — unless readings were lost on the way, which the
        // day's data health must then show (lost data is visible, never silent); every sensed bin emptied on the rounds.
        Assert.Equal(120, summary.GetProperty("householdsScheduled").GetInt32());
        var health = (await client.GetFromJsonAsync<JsonElement>($"/api/audit/{day}")).GetProperty("dataHealth");
        Assert.True(health.GetProperty("received").GetInt64() > 5_000, health.ToString());
        Assert.True(summary.GetProperty("householdsServed").GetInt32() == 120 || health.GetProperty("missing").GetInt64() > 0, $"{summary} {health}");
        Assert.Equal(12, summary.GetProperty("binsCleared").GetInt32());

        // The weighed transfer station: 5.2 + 5.5 + 5.8 + 4.1 t delivered, two 10 t hauls out, 0.6 t left (cleared).
        Assert.Equal((20.6, 20.0, 0), (summary.GetProperty("tonnesIn").GetDouble(), summary.GetProperty("tonnesOut").GetDouble(), summary.GetProperty("stationsNotCleared").GetInt32()));
        Assert.Equal(20.6, summary.GetProperty("tonnesCollected").GetDouble());

        // The hosts' logs went to the data folder, not into the progress line.
        Assert.Contains($"log in {Path.Combine(data, "demo.log")}", Text(output), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "demo.log")));

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Stopping", Text(output), StringComparison.Ordinal);
    }

    private static string Text(StringWriter writer)
    {
        lock (writer)
        {
            return writer.ToString();
        }
    }
}
