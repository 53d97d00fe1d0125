using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using WasteIoT.Demo;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Testing;

namespace WasteIoT.EndToEnd.Tests;

/// <summary>
/// The whole system as it is deployed, each part its own process on loopback: the cloud (SQLite), one gateway whose
/// uplink runs through a <see cref="TcpRelay"/> (so a test can cut the backhaul), and the simulated fleet. Set up the
/// way an operator does it — <c>create-admin</c>, <c>provision-gateway</c>, the gateway's <c>provision</c>, the county's
/// CSV files posted to the registry API — and read back only through the cloud's HTTP API.
/// </summary>
internal sealed class CountySystem : IDisposable
{
    public const string GatewayId = "gw-e2e";

    private static readonly string CloudAssembly = Deployable("CloudAssembly");
    private static readonly string GatewayAssembly = Deployable("GatewayAssembly");
    private static readonly string SimulatorAssembly = Deployable("SimulatorAssembly");

    private readonly string _adminPassword;
    private readonly string _gatewaySecret;
    private readonly string[] _cloudArgs;
    private readonly List<string> _gatewayArgs = [];

    private CountySystem(string root, FleetDefinition fleet, string[] cloudArgs)
    {
        Root = root;
        Fleet = fleet;
        _cloudArgs = cloudArgs;
        CloudHttpPort = MosquittoBroker.FreePort();
        CloudMqttPort = MosquittoBroker.FreePort();
        GatewayHttpPort = MosquittoBroker.FreePort();
        GatewayMqttPort = MosquittoBroker.FreePort();
        Backhaul = new TcpRelay(CloudMqttPort);
        var devices = DeviceIds(fleet);
        _adminPassword = ServiceProcess.Run(CloudAssembly, ["create-admin", "admin", .. CloudData]).Split('\n')[0].Split('\t')[1].Trim();
        _gatewaySecret = ServiceProcess.Run(CloudAssembly, ["provision-gateway", GatewayId, .. devices, .. CloudData]).Split('\n')[0].Split('\t')[1].Trim();
        DevicePasswords = ServiceProcess.Run(GatewayAssembly, ["provision", .. devices, "--Gateway:DataDirectory", GatewayData])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t'))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
    }

    public string Root { get; }

    public FleetDefinition Fleet { get; }

    public int CloudHttpPort { get; }

    public int CloudMqttPort { get; }

    public int GatewayHttpPort { get; }

    public int GatewayMqttPort { get; }

    public TcpRelay Backhaul { get; }

    public IReadOnlyDictionary<string, string> DevicePasswords { get; }

    public ServiceProcess? Cloud { get; private set; }

    public ServiceProcess? Gateway { get; private set; }

    /// <summary>Signed in as the bureau's admin (renewed by <see cref="StartCloudAsync"/>).</summary>
    public HttpClient Bureau { get; private set; } = null!;

    public string CloudAddress => $"http://127.0.0.1:{CloudHttpPort}";

    private string[] CloudData => ["--Cloud:DataDirectory", Path.Combine(Root, "cloud")];

    private string GatewayData => Path.Combine(Root, "gateway");

    /// <summary>Provisions everything, starts the cloud, imports the county's registry for <paramref name="fleet"/>, starts the gateway.</summary>
    public static Task<CountySystem> StartAsync(FleetDefinition fleet, params string[] cloudArgs) => StartAsync(fleet, cloudArgs, []);

    public static async Task<CountySystem> StartAsync(FleetDefinition fleet, string[] cloudArgs, string[] gatewayArgs)
    {
        var root = Directory.CreateTempSubdirectory("wiot-e2e-").FullName;
        var system = new CountySystem(root, fleet, cloudArgs);
        system._gatewayArgs.AddRange(gatewayArgs);
        try
        {
            await system.StartCloudAsync();
            foreach (var (kind, csv) in DemoCounty.Files(fleet))
            {
                using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
                var response = await system.Bureau.PostAsync($"/api/registry/{kind}.csv", content);
                var report = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || JsonDocument.Parse(report).RootElement.GetProperty("errors").GetArrayLength() > 0)
                {
                    throw new InvalidOperationException($"registry import of {kind} refused: {(int)response.StatusCode} {report}");
                }
            }

            system.StartGateway();
            return system;
        }
        catch
        {
            system.Dispose();
            throw;
        }
    }

    public async Task StartCloudAsync()
    {
        Cloud = ServiceProcess.Start(CloudAssembly, CloudHttpPort,
        [
            "--urls", CloudAddress, .. CloudData,
            "--Cloud:MqttPort", CloudMqttPort.ToString(CultureInfo.InvariantCulture), "--Cloud:MqttBindAddress", "127.0.0.1",
            "--Logging:LogLevel:Default", "Warning",
            .. _cloudArgs,
        ]);
        Bureau?.Dispose();
        Bureau = await CloudSession.SignInAsync(CloudAddress, "admin", _adminPassword);
    }

    public void StartGateway()
    {
        Gateway = StartGatewayProcess();
        Gateway.WaitForPort(GatewayHttpPort);
    }

    private ServiceProcess StartGatewayProcess() => ServiceProcess.Start(GatewayAssembly, GatewayMqttPort,
    [
        "--urls", $"http://127.0.0.1:{GatewayHttpPort}",
        "--Gateway:Id", GatewayId,
        "--Gateway:DataDirectory", GatewayData,
        "--Gateway:Broker:Port", GatewayMqttPort.ToString(CultureInfo.InvariantCulture),
        "--Gateway:Broker:BindAddress", "127.0.0.1",
        "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000",
        "--Gateway:Uplink:Mode", "Mqtt",
        "--Gateway:Uplink:Port", Backhaul.Port.ToString(CultureInfo.InvariantCulture),
        "--Gateway:Uplink:Password", _gatewaySecret,
        "--Logging:LogLevel:Default", "Warning",
        .. _gatewayArgs,
    ]);

    /// <summary>Runs the fleet against the gateway in a simulator process; returns its exit code (0: every reading acknowledged).</summary>
    public async Task<(int ExitCode, string Output)> RunFleetAsync(FleetDefinition fleet, double speed, TimeSpan timeout)
    {
        using var simulator = await StartFleetAsync(fleet, speed);
        var exit = await simulator.WaitForExitAsync(timeout);
        return (exit, simulator.Output);
    }

    /// <summary>Starts the simulator on the fleet (with the devices' credentials) against the gateway.</summary>
    public async Task<ServiceProcess> StartFleetAsync(FleetDefinition fleet, double speed)
    {
        var file = Path.Combine(Root, "fleet.json");
        var withCredentials = fleet with
        {
            Broker = new BrokerEndpoint { Host = "127.0.0.1", Port = GatewayMqttPort },
            Bins = [.. fleet.Bins.Select(b => b with { Password = DevicePasswords[b.Device] })],
            Sites = [.. fleet.Sites.Select(s => s with { Password = DevicePasswords[s.Device] })],
            Trucks = [.. fleet.Trucks.Select(t => t with { Password = DevicePasswords[t.Device] })],
        };
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(withCredentials, FleetFile.Options));
        return ServiceProcess.Start(SimulatorAssembly, 0, "run", file, "--speed", speed.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until the gateway holds nothing the cloud has not acknowledged.</summary>
    public async Task WaitForGatewayBacklogAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{GatewayHttpPort}") };
        var deadline = DateTime.UtcNow + timeout;
        var backlog = -1.0;
        while (DateTime.UtcNow < deadline)
        {
            var metrics = await http.GetStringAsync("/metrics");
            backlog = Gauge(metrics, "wasteiot_gateway_backlog_rows");
            if (backlog == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the gateway still holds {backlog} messages for the cloud after {timeout}");
    }

    public Task<JsonElement> GetAsync(string path) => Bureau.GetFromJsonAsync<JsonElement>(path);

    public void Dispose()
    {
        Gateway?.Dispose();
        Cloud?.Dispose();
        Backhaul.Dispose();
        Bureau?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp directory is left for the OS.
        }
    }

    public static string[] DeviceIds(FleetDefinition fleet) =>
        [.. fleet.Bins.Select(b => b.Device), .. fleet.Sites.Select(s => s.Device), .. fleet.Trucks.Select(t => t.Device)];

    public static double Gauge(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(name.Length + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(double.NaN).First();

    private static string Deployable(string key) =>
        typeof(CountySystem).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
