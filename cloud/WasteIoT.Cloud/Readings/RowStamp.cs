using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Readings;

/// <summary>
/// A stored row's numbering and time: all that data health and a kept window need of it once its bytes are decoded
/// (a county's open day keeps some 300,000, so a value, not a row record).
/// </summary>
internal readonly record struct RowStamp(long Boot, long Seq, DateTimeOffset Ts)
{
    public static RowStamp Of(StoredReading row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Boot, row.Seq, row.Ts);
    }
}
