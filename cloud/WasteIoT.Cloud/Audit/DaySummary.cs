namespace WasteIoT.Cloud.Audit;

/// <summary>The county's day at a glance: the bureau's first screen.</summary>
public sealed record DaySummary(
    int HouseholdsScheduled,
    int HouseholdsServed,
    double Coverage,
    int OpenCoverViolations,
    int SilentCoverFindings,
    int BinsCleared,
    int BinsNotCleared,
    int BinsNoData,
    int ToiletsUnderRequired,
    int OdourExceedances,
    int PondAlarms,
    double? HighestPondVolumeM3);
