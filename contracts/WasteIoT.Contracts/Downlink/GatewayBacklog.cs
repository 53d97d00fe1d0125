using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Downlink;

/// <summary>
/// What a gateway holds for the cloud when it reports its presence: the cloud shows it on the data-health page, so
/// a truck that drove out of coverage is seen as "behind by 40 minutes", not as a silent truck.
/// </summary>
public sealed record GatewayBacklog
{
    /// <summary>Messages stored and not yet acknowledged by the cloud.</summary>
    public required long Rows { get; init; }

    /// <summary>Seconds since the oldest of them was received from its device (0 when none wait).</summary>
    public required long OldestAgeS { get; init; }

    /// <summary>Bytes the gateway's store uses on its disk.</summary>
    public long StoreBytes { get; init; }

    /// <summary>Undelivered positions thinned by the disk quota since the gateway started.</summary>
    public long Thinned { get; init; }

    public ContractViolation? Validate() => Check.First(
        Check.Range(Rows, "backlog.rows", 0, long.MaxValue),
        Check.Range(OldestAgeS, "backlog.oldestAgeS", 0, long.MaxValue),
        Check.Range(StoreBytes, "backlog.storeBytes", 0, long.MaxValue),
        Check.Range(Thinned, "backlog.thinned", 0, long.MaxValue));
}
