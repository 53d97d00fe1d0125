using WasteIoT.Cloud.Audit;

namespace WasteIoT.Cloud.Scorecards;

/// <summary>
/// One contractor's month: the service as measured on the days kept (coverage over all scheduled households, sealed
/// transport, daily clearance, toilet cleaning, odour) and its cases. Rates count only verified household-, bin- and
/// toilet-days; the unverified ones are counted beside them. No composite score: the bureau weighs these as
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
    Cases.MonthlyFigures Cases)
{
    public int HouseholdsMissed { get; init; }

    /// <summary>Household-days neither served nor proven missed: not in <see cref="Coverage"/>.</summary>
    public int HouseholdsUnverified { get; init; }

    /// <summary>Bin-days without the evidence to judge clearance: not in <see cref="ClearanceRate"/>.</summary>
    public int BinDaysUnverified { get; init; }

    /// <summary>Toilet-days whose cleaning was proven met or short.</summary>
    public int ToiletDaysVerified { get; init; }

    public int ToiletDaysUnverified { get; init; }

    /// <summary>Odour episodes at the contractor's toilets and stations (<see cref="OdourExceedances"/> counts single readings).</summary>
    public int OdourEpisodes { get; init; }

    /// <summary>Share of verified toilet-days with the required cleanings.</summary>
    public double CleaningRate { get; init; } = 1;

    /// <summary>Road-kilometre-days swept as planned, proven short, and not proven either way.</summary>
    public double SweptKm { get; init; }

    public double SweepShortKm { get; init; }

    public double SweepUnprovenKm { get; init; }

    /// <summary>机扫率 over the month: swept over swept and short, by length; null when the contractor had no sweeping proven either way.</summary>
    public double? SweepRate { get; init; }

    /// <summary>Road-work windows (a segment's task on a day) proven short of their passes.</summary>
    public int RoadWorkShort { get; init; }

    /// <summary>Muck trucks' stretches against their permits and raises outside a disposal site.</summary>
    public int MuckViolations { get; init; }

    public int SuspectedDumping { get; init; }

    /// <summary>Tonnes weighed into and out of the contractor's transfer stations, and station-days proven not cleared.</summary>
    public double TonnesIn { get; init; }

    public double TonnesOut { get; init; }

    /// <summary>Tonnes the landfills weighed in, and transfer hauls proven not to have reached one.</summary>
    public double TonnesDisposed { get; init; }

    public int HaulsNotDisposed { get; init; }

    public int StationDaysNotCleared { get; init; }

    /// <summary>Tonnes the contractor's collection trucks delivered to weighed stations (the report's "tonnes collected").</summary>
    public double TonnesCollected { get; init; }

    /// <summary>Leachate treated at the contractor's ponds over the month, m³.</summary>
    public double TreatedM3 { get; init; }
}
