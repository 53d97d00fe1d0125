namespace WasteIoT.Cloud.Audit;

/// <summary>
/// One contractor's month: the service as measured on the days kept (coverage over all scheduled households, sealed
/// transport, daily clearance, toilet cleaning, odour) and its cases. No composite score: the bureau weighs these as
/// its contract says.
/// </summary>
public sealed record ContractorScore(
    string Contractor,
    int Days,
    int HouseholdsScheduled,
    int HouseholdsServed,
    double Coverage,
    int OpenCoverViolations,
    int BinDaysCleared,
    int BinDaysNotCleared,
    double ClearanceRate,
    int ToiletDaysUnderRequired,
    int OdourExceedances,
    Cases.MonthlyFigures Cases);
