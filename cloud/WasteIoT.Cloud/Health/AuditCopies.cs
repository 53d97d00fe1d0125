namespace WasteIoT.Cloud.Health;

/// <summary>
/// What the audit keeps between computations, since this start: a copy that cannot be written or read back never
/// fails a day (it is computed from its readings), so it is counted here for whoever runs the cloud.
/// </summary>
/// <param name="ThingsReused">Things of settled days taken as they were, not read again.</param>
/// <param name="OpenDayWholeReads">Device windows and truck folds of open days read whole (first seen, or after a late row).</param>
/// <param name="KeptWritesFailed">Computations whose copies could not be written (a database error).</param>
/// <param name="KeptReadsFailed">Days whose copies could not be read back (a database error).</param>
public sealed record AuditCopies(long ThingsReused, long OpenDayWholeReads, long KeptWritesFailed, long KeptReadsFailed);
