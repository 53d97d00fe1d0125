using System.Diagnostics;
using System.Globalization;
using WasteIoT.Firmware.Simulator.Devices;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator;

/// <summary>
/// Runs a fleet in simulated time: 100 ms steps, every device stepped in turn, paced to
/// <c>speed</c>× real time (0: as fast as the machine goes). Deterministic from the fleet's seed as far as
/// the world goes; network timing is real.
/// </summary>
internal sealed class FleetRunner : IDisposable
{
    public const long StepMs = 100;

    private readonly FleetDefinition _fleet;
    private readonly TextWriter? _progress;
    private readonly Dictionary<string, SimBinDevice> _bins = new(StringComparer.Ordinal);

    public FleetRunner(FleetDefinition fleet, TextWriter? progress)
    {
        _fleet = fleet;
        _progress = progress;
        Time = new SimulationTime(fleet.Start);
        var seeds = new Random(fleet.Seed);
        foreach (var bin in fleet.Bins)
        {
            var device = new SimBinDevice(bin, Time, fleet.Broker, fleet.Faults, new Random(seeds.Next()));
            _bins[bin.Device] = device;
            Devices.Add(device);
        }

        foreach (var site in fleet.Sites)
        {
            Devices.Add(new SimSiteDevice(site, Time, fleet.Broker, fleet.Faults, new Random(seeds.Next())));
        }

        foreach (var truck in fleet.Trucks)
        {
            Devices.Add(new SimTruckDevice(truck, Time, fleet.Broker, fleet.Faults, new Random(seeds.Next()), EmptyBin));
        }
    }

    public SimulationTime Time { get; }

    public List<SimDevice> Devices { get; } = [];

    public long Published => Devices.Sum(d => d.Session?.Published ?? 0);

    public long Acknowledged => Devices.Sum(d => d.Session?.Acknowledged ?? 0);

    public int Pending => Devices.Sum(d => d.Session?.Pending ?? 0);

    public async Task RunAsync(double speed, CancellationToken cancellationToken)
    {
        foreach (var device in Devices)
        {
            device.Start();
        }

        var end = _fleet.Start.ToUnixTimeMilliseconds() + (long)_fleet.Duration.TotalMilliseconds;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var simulatedStart = Time.NowMs;
        while (Time.NowMs < end && !cancellationToken.IsCancellationRequested)
        {
            Time.Advance(StepMs);
            foreach (var device in Devices)
            {
                device.Step(StepMs);
            }

            if (speed > 0)
            {
                var due = TimeSpan.FromMilliseconds((Time.NowMs - simulatedStart) / speed);
                var ahead = due - clock.Elapsed;
                if (ahead > TimeSpan.FromMilliseconds(20))
                {
                    await Task.Delay(ahead, cancellationToken).ConfigureAwait(false);
                }
            }

            if (clock.Elapsed - lastProgress >= TimeSpan.FromSeconds(1))
            {
                lastProgress = clock.Elapsed;
                ReportProgress();
            }
        }

        await DrainAsync(cancellationToken).ConfigureAwait(false);
        ReportProgress();
        _progress?.WriteLine();
    }

    public void Dispose()
    {
        foreach (var device in Devices)
        {
            device.Transport.Disconnect();
            device.Dispose();
        }
    }

    /// <summary>After the last step: keep the radios on until every device has delivered what it holds.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20) && !cancellationToken.IsCancellationRequested)
        {
            var idle = true;
            foreach (var device in Devices)
            {
                device.Transport.Blocked = false;
                idle &= device.Session!.Service();
            }

            if (idle)
            {
                return;
            }

            Time.Advance(StepMs);
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ReportProgress() =>
        _progress?.Write(string.Create(CultureInfo.InvariantCulture, $"\rsim {Time.Now:yyyy-MM-dd HH:mm:ss zzz} | devices {Devices.Count} | published {Published} | acknowledged {Acknowledged} | pending {Pending}   "));

    private void EmptyBin(string bin)
    {
        if (_bins.TryGetValue(bin, out var device))
        {
            device.Model.Empty();
        }
    }
}
