using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Gateway.Store;

/// <summary>The durable store (SQLite, WAL).</summary>
public sealed class StoreOptions
{
    /// <summary>Disk quota for the database, bytes (docs/gateway.md, "Disk quota").</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long QuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most messages committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxGroupCommit { get; set; } = 2_000;

    /// <summary>Rows kept in the quarantine; the oldest go first.</summary>
    [Range(10, 1_000_000)]
    public int QuarantineRows { get; set; } = 10_000;

    /// <summary>
    /// SQLite <c>synchronous</c>: <c>Full</c> (default) fsyncs every commit, so an acknowledged message survives a
    /// power cut; <c>Normal</c> survives a process kill but not a power cut, for gateways on a UPS.
    /// </summary>
    [RegularExpression("^(Full|Normal)$", ErrorMessage = "Gateway:Store:Synchronous must be Full or Normal")]
    public string Synchronous { get; set; } = "Full";

    /// <summary>Delivered rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(2);
}
