namespace WasteIoT.Cloud.Registry;

/// <summary>The registry's kinds, in the order a county's data is best imported (what a row refers to comes first).</summary>
public static class RegistryKinds
{
    public const string Contractors = "contractors";
    public const string Badges = "badges";
    public const string Trucks = "trucks";
    public const string Households = "households";
    public const string Routes = "routes";
    public const string Sites = "sites";
    public const string Bins = "bins";
    public const string Ponds = "ponds";
    public const string Roads = "roads";
    public const string Permits = "permits";
    public const string AirAlerts = "airAlerts";

    public static IReadOnlyList<RegistryKind> All { get; } =
        [new ContractorRows(), new BadgeRows(), new TruckRows(), new HouseholdRows(), new RouteRows(), new SiteRows(), new BinRows(), new PondRows(), new RoadRows(), new PermitRows(), new AirAlertRows()];

    public static RegistryKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
}
