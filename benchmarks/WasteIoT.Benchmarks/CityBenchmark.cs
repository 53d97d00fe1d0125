using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Hosting.City;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Benchmarks;

/// <summary>
/// <c>city [counties=10] [trucks=200] [instances=2]</c>: a city on PostgreSQL (issue target: ten counties, 1 M
/// households, ~58 M fixes a day, the cloud as several stateless instances). Each county is the audit benchmark's
/// county-sized day (trucks × 8 h of fixes at 1 Hz, 500 households per truck, 5,000 bins, 60 sites) in a database of
/// its own on one PostgreSQL server, stored through the cloud's store by child processes, two counties at a time.
/// Then the city runs as separate processes (the real <see cref="CityApplication"/>), each taking some counties'
/// gateways; every county's settled day is asked of one instance (cold: read whole), then of every other (which finds
/// the things the first kept in the county's database), and the answers must be the same.
/// </summary>
internal static class CityBenchmark
{
    private static readonly DateOnly Date = new(2026, 11, 26);

    public static async Task<int> RunAsync(int counties, int trucks, int instances, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("wiot-city-").FullName;
        var started = new List<Process>();
        try
        {
            var databases = Enumerable.Range(0, counties).Select(_ => WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase()).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"city: {counties} counties × ({trucks} trucks, {trucks * 500:N0} households, 5,000 bins, 60 sites) on one PostgreSQL server; {instances} instances; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));

            var seed = Stopwatch.StartNew();
            await Parallel.ForEachAsync(databases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (database, _) =>
            {
                using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["city-seed", database, trucks.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
                await child.WaitForExitAsync();
                if (child.ExitCode != 0)
                {
                    throw new InvalidOperationException($"seeding a county failed ({child.ExitCode})");
                }
            });
            seed.Stop();
            long rows = 0, bytes = 0;
            foreach (var database in databases)
            {
                using var db = new PostgresCloudDatabase(database);
                using var connection = db.Open();
                rows += Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM readings"), CultureInfo.InvariantCulture);
                bytes += Convert.ToInt64(connection.Scalar("SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture);
                await new UserStore(db).UpsertAsync([new UserAccount("admin", "管理员", UserRole.Bureau, "", "")], CancellationToken.None);
                await new AccountService(new UserStore(db), TimeProvider.System).SetPasswordAsync("admin", "city-benchmark-9x", CancellationToken.None);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stored {rows:N0} readings through the cloud's PostgreSQL store in {seed.Elapsed.TotalSeconds:N0} s ({rows / seed.Elapsed.TotalSeconds:N0} readings/s, {Environment.ProcessorCount} counties at a time); databases {bytes / 1073741824.0:N1} GB"));

            // The city: one file, each instance taking a share of the counties' gateways.
            var keys = Enumerable.Range(0, counties).Select(i => $"county-{i:00}").ToList();
            var file = Path.Combine(folder, "city.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
            {
                City = new
                {
                    DataDirectory = folder,
                    Counties = keys.Select((k, i) => new
                    {
                        Key = k,
                        Hosts = new[] { k + ".city.test" },
                        Settings = new { Cloud = new Dictionary<string, string> { ["CountyName"] = k, ["Database"] = "PostgreSql", ["ConnectionString"] = databases[i], ["MqttPort"] = ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture), ["MqttBindAddress"] = "127.0.0.1", ["Map:TileUrl"] = string.Empty } },
                    }),
                },
            }));
            var urls = new List<string>();
            for (var n = 0; n < instances; n++)
            {
                var url = $"http://127.0.0.1:{ChildProcess.FreePort()}";
                var takes = keys.Where((_, i) => i % instances == n).SelectMany((k, i) => new[] { $"--City:TakesGatewaysOf:{i}", k });
                var process = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["city-instance", file, "--City:Urls", url, "--Logging:LogLevel:Default", "Warning", .. takes])
                { UseShellExecute = false, RedirectStandardInput = true })!;
                started.Add(process);
                urls.Add(url);
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
            foreach (var url in urls)
            {
                await WaitUpAsync(http, url, keys[0]);
            }

            // Each county's day: first asked of one instance (it reads the day whole), then of every other.
            var first = new List<double>();
            var others = new List<double>();
            var same = 0;
            for (var i = 0; i < counties; i++)
            {
                var order = Enumerable.Range(0, instances).Select(n => urls[(i + n) % instances]).ToList();
                string? answer = null;
                foreach (var url in order)
                {
                    using var client = await SignInAsync(url, keys[i]);
                    var clock = Stopwatch.StartNew();
                    var summary = await client.GetStringAsync(new Uri($"/api/audit/{Date:yyyy-MM-dd}/summary", UriKind.Relative));
                    (answer is null ? first : others).Add(clock.Elapsed.TotalSeconds);
                    same += answer is null || answer == summary ? (answer is null ? 0 : 1) : 0;
                    if (answer is not null && answer != summary)
                    {
                        output.WriteLine($"DIFFERENT answers for {keys[i]}:\n{answer}\n{summary}");
                    }

                    answer ??= summary;
                }
            }

            var peaks = started.Select(p => PeakMegabytes(p.Id)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"a county's settled day, first asked (read whole): {first.Min():N1}–{first.Max():N1} s, {first.Sum():N0} s for the city"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"the same day at another instance (the things the first kept): {others.DefaultIfEmpty().Min():N2}–{others.DefaultIfEmpty().Max():N2} s; same answer {same} of {others.Count}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instances' peak working sets: {string.Join(", ", peaks.Select(p => $"{p:N0} MB"))}"));
            return same == others.Count ? 0 : 1;
        }
        finally
        {
            foreach (var process in started)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The child that stores one county.</summary>
    public static async Task<int> SeedAsync(string connectionString, int trucks)
    {
        using var database = new PostgresCloudDatabase(connectionString);
        var store = new PostgresReadingStore(database);
        return await AuditBenchmark.SeedAsync(database, store, trucks);
    }

    /// <summary>The child that runs one city instance until its input closes.</summary>
    public static async Task<int> InstanceAsync(string file, string[] args)
    {
        await using var city = CityApplication.Build(file, args);
        await city.StartAsync();
        await Console.In.ReadToEndAsync();
        await city.StopAsync();
        return 0;
    }

    private static async Task WaitUpAsync(HttpClient http, string url, string county)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url + "/health");
                request.Headers.Host = county + ".city.test";
                (await http.SendAsync(request)).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<HttpClient> SignInAsync(string url, string county)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(15) };
        client.DefaultRequestHeaders.Host = county + ".city.test";
        (await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "city-benchmark-9x" })).EnsureSuccessStatusCode();
        return client;
    }

    private static double PeakMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
