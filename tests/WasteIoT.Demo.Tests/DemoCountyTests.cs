using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Store;
using WasteIoT.Demo;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Demo.Tests;

/// <summary>The demo county imports into the real registry without a refused row and covers every simulated device.</summary>
public sealed class DemoCountyTests
{
    [Fact]
    public async Task GeneratedFleetsCountyImportsCleanlyAndKnowsEveryDevice()
    {
        var fleet = FleetGenerator.AddTransferStation(FleetGenerator.AddStreets(FleetGenerator.Create(seed: 7, trucks: 3, householdsPerTruck: 25, toilets: 2, binsPerTruck: 4)));
        using var database = new SqliteCloudDatabase(Path.Combine(Path.GetTempPath(), "wiot-demo-" + Guid.NewGuid().ToString("N"), "cloud.db"));
        var registry = new CountyRegistry(new RegistryStore(database, TimeProvider.System), TimeProvider.System);

        foreach (var (kind, csv) in DemoCounty.Files(fleet))
        {
            var report = await registry.ImportCsvAsync(RegistryKinds.Find(kind)!, new StringReader(csv), CancellationToken.None);
            Assert.True(report.Errors.Count == 0, $"{kind}: {string.Join("; ", report.Errors.Select(e => $"{e.Line} {e.Message}"))}");
        }

        var snapshot = await registry.CurrentAsync(CancellationToken.None);
        var devices = fleet.Trucks.Select(t => t.Device).Concat(fleet.Sites.Select(s => s.Device)).Concat(fleet.Bins.Select(b => b.Device));
        Assert.All(devices, d => Assert.True(snapshot.DeviceOwners.ContainsKey(d), d));
        Assert.Equal(75, snapshot.Count(RegistryKinds.Households));
        Assert.Equal(3, snapshot.Count(RegistryKinds.Routes));
        Assert.Equal(1, snapshot.Count(RegistryKinds.Ponds));

        // The streets: three roads, a muck truck's permit; work vehicles and muck trucks serve no households.
        Assert.Equal(3, snapshot.Count(RegistryKinds.Roads));
        Assert.Equal("沪A·D0031", snapshot.Find<MuckPermit>(RegistryKinds.Permits, "ZT-DEMO-001")!.Truck);
        Assert.Equal(VehicleKind.Sweeper, snapshot.Find<Truck>(RegistryKinds.Trucks, "沪A·D0021")!.Vehicle);
        // The weighed station: its scale-house node measures it, collection trucks carry the cards its visits name.
        var station = snapshot.Find<Site>(RegistryKinds.Sites, "s01")!;
        Assert.Equal((SiteKind.TransferStation, 50.0, "site-s01;scale-s01"), (station.Kind, station.RatedTonnes, string.Join(";", station.Devices)));
        var scale = fleet.Sites.Single(s => s.Kind == "scale");
        Assert.All(scale.Weighings.Select(v => v.Card).Distinct(), card => Assert.Contains(snapshot.Of<Truck>(RegistryKinds.Trucks), t => t.Card == card));
        Assert.Equal(VehicleKind.Transfer, snapshot.Find<Truck>(RegistryKinds.Trucks, "沪A·D0005")!.Vehicle);

        var route = snapshot.Find<CollectionRoute>(RegistryKinds.Routes, "r-" + fleet.Trucks[0].Device)!;
        Assert.Equal(fleet.Trucks[0].Households.Select(h => h.Household), route.Households);
        Assert.Equal(DemoCounty.Plate(fleet.Trucks[0].Device), route.Truck);
        Assert.Equal(fleet.Trucks[0].Households[0].Tag, snapshot.Find<Household>(RegistryKinds.Households, fleet.Trucks[0].Households[0].Household)!.Tag);
    }

    [Theory]
    [InlineData("truck-07", "沪A·D0007")]
    [InlineData("truck-123", "沪A·D0123")]
    public void PlatesFollowTheTruckNumber(string device, string plate) => Assert.Equal(plate, DemoCounty.Plate(device));
}
