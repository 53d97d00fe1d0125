using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// A public toilet (class I/II/III per GB/T 17217, opening hours, its assigned cleaners: 定人管理) or a transfer
/// station; the site nodes that measure it.
/// </summary>
public sealed record Site(
    string Id,
    SiteKind Kind,
    string Name,
    string Contractor,
    double Lat,
    double Lon,
    ToiletClass? ToiletClass,
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<string> Cleaners,
    IReadOnlyList<string> Devices) : IMeasuredThing
{
    public IReadOnlyList<DeviceAssignment> Assignments { get; init; } = [];

    IReadOnlyList<string> IMeasuredThing.CurrentDevices => Devices;

    public IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments) => this with { Assignments = assignments };

    public NodeCustody NodeCustody { get; init; } = NodeCustody.Contractor;

    /// <summary>A weighed transfer station's rated daily throughput, t (the bureau's 50 t/day station); null: not weighed.</summary>
    public double? RatedTonnes { get; init; }
}
