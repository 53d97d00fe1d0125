using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Hosting;
using WasteIoT.Cloud.Registry;
using WasteIoT.Firmware.Simulator;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Gateway.Broker;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Hosting;

namespace WasteIoT.Demo;

/// <summary>
/// One command, the whole system on embedded defaults: the cloud (SQLite), one gateway, a simulated fleet running the
/// real firmware core, and a demo county to match. Yesterday is replayed faster than real time (so no reading is
/// from the future); the dashboard address and the demo logins (random passwords, shown once) are printed first.
/// </summary>
public static class DemoRun
{
    public static async Task<int> RunAsync(double speed, int httpPort, string dataDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = DemoData.Prepare(dataDirectory);
        using var log = new DemoLog(Path.Combine(root, "demo.log"));
        void ToLog(ILoggingBuilder logging) => logging.ClearProviders().AddProvider(log);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-1);
        var fleet = FleetGenerator.AddTransferStation(FleetGenerator.AddStreets(FleetGenerator.Create(seed: 7, trucks: 3, householdsPerTruck: 40, toilets: 3, binsPerTruck: 4))) with
        {
            Start = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(5, 0)), zone.GetUtcOffset(yesterday.ToDateTime(new TimeOnly(5, 0)))),
            Duration = TimeSpan.FromHours(18),
        };

        var cloudMqtt = FreePort();
        var cloud = CloudApplication.Build(["--urls", $"http://127.0.0.1:{httpPort}", "--Cloud:DataDirectory", Path.Combine(root, "cloud"), "--Cloud:MqttPort", cloudMqtt.ToString(CultureInfo.InvariantCulture),
            "--Cloud:MqttBindAddress", "127.0.0.1", "--Logging:LogLevel:Default", "Warning"], logging: ToLog);
        await cloud.StartAsync(cancellationToken);
        var logins = await SeedAsync(cloud, fleet, cancellationToken);
        var gatewaySecret = cloud.Services.GetRequiredService<GatewayRegistry>().Provision("gw-demo", DeviceIds(fleet));

        var gateway = GatewayApplication.Build(["--urls", "http://127.0.0.1:0", "--Gateway:Id", "gw-demo", "--Gateway:DataDirectory", Path.Combine(root, "gateway"),
            "--Gateway:Broker:Port", "0", "--Gateway:Broker:BindAddress", "127.0.0.1", "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000",
            "--Gateway:Uplink:Mode", "Mqtt", "--Gateway:Uplink:Port", cloudMqtt.ToString(CultureInfo.InvariantCulture), "--Gateway:Uplink:Password", gatewaySecret,
            "--Logging:LogLevel:Default", "Warning"], logging: ToLog);
        await gateway.StartAsync(cancellationToken);
        try
        {
            var devices = gateway.Services.GetRequiredService<DeviceRegistry>();
            var port = gateway.Services.GetRequiredService<DeviceBroker>().Port;
            fleet = fleet with
            {
                Broker = new BrokerEndpoint { Host = "127.0.0.1", Port = port },
                Bins = [.. fleet.Bins.Select(b => b with { Password = devices.Provision(b.Device) })],
                Sites = [.. fleet.Sites.Select(s => s with { Password = devices.Provision(s.Device) })],
                Trucks = [.. fleet.Trucks.Select(t => t with { Password = devices.Provision(t.Device) })],
            };

            output.WriteLine($"Dashboard: http://127.0.0.1:{httpPort}/   (data in {root}, emptied at the next run; log in {log.Path})");
            foreach (var (name, role, password) in logins)
            {
                output.WriteLine($"  {role,-10} {name,-10} {password}");
            }

            output.WriteLine($"Replaying {yesterday:yyyy-MM-dd} (local) at {(speed > 0 ? speed.ToString("0.#", CultureInfo.InvariantCulture) + "×" : "full speed")}; Ctrl+C stops everything.");
            using var runner = new FleetRunner(fleet, output);
            await runner.RunAsync(speed, cancellationToken);

            // The devices are done when the gateway has acknowledged everything; the day is done when the gateway has forwarded it.
            var store = gateway.Services.GetRequiredService<WasteIoT.Gateway.Store.GatewayStore>();
            for (var waited = 0; waited < 120 && (await store.GetBacklogAsync(cancellationToken)).Rows > 0; waited++)
            {
                await Task.Delay(500, cancellationToken);
            }

            output.WriteLine($"The day is replayed. Sign in as bureau and open 今日概览 (it shows {yesterday:yyyy-MM-dd}); Ctrl+C stops.");
            if (log.Warnings > 0)
            {
                output.WriteLine($"{log.Warnings} warnings were logged, see {log.Path}.");
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine();
            output.WriteLine("Stopping…");
        }
        finally
        {
            await gateway.StopAsync(CancellationToken.None);
            await gateway.DisposeAsync();
            await cloud.StopAsync(CancellationToken.None);
            await cloud.DisposeAsync();
        }

        return 0;
    }

    private static async Task<List<(string Name, string Role, string Password)>> SeedAsync(WebApplication cloud, FleetDefinition fleet, CancellationToken cancellationToken)
    {
        var registry = cloud.Services.GetRequiredService<CountyRegistry>();
        foreach (var (kind, csv) in DemoCounty.Files(fleet))
        {
            var report = await registry.ImportCsvAsync(RegistryKinds.Find(kind)!, new StringReader(csv), cancellationToken);
            if (report.Errors.Count > 0)
            {
                throw new InvalidOperationException($"demo county {kind}: {report.Errors[0].Message}");
            }
        }

        var users = cloud.Services.GetRequiredService<UserStore>();
        var accounts = cloud.Services.GetRequiredService<AccountService>();
        (string Name, string Display, UserRole Role, string Contractor, string Truck)[] people =
        [
            ("bureau", "城管局 李科长", UserRole.Bureau, "", ""),
            ("lvjie", "绿洁 张经理", UserRole.Contractor, DemoCounty.Contractor, ""),
            ("crew01", "一号车 王师傅", UserRole.Crew, DemoCounty.Contractor, DemoCounty.Plate(fleet.Trucks[0].Device)),
        ];
        await users.UpsertAsync([.. people.Select(p => new UserAccount(p.Name, p.Display, p.Role, p.Contractor, p.Truck))], cancellationToken);
        var logins = new List<(string, string, string)>();
        foreach (var person in people)
        {
            string password;
            do
            {
                password = AccountService.NewPassword();
            }
            while (await accounts.SetPasswordAsync(person.Name, password, cancellationToken) is not null);
            logins.Add((person.Name, person.Role.ToString(), password));
        }

        return logins;
    }

    private static string[] DeviceIds(FleetDefinition fleet) =>
        [.. fleet.Bins.Select(b => b.Device), .. fleet.Sites.Select(s => s.Device), .. fleet.Trucks.Select(t => t.Device)];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
