namespace WasteIoT.Cloud.Store;

/// <summary>Makes something of one stored row while its bytes are lent (they are overwritten by the next row's).</summary>
public delegate T StoredRowReader<out T>(string device, long boot, long seq, string kind, DateTimeOffset ts, ReadOnlySpan<byte> json);
