namespace WasteIoT.Cloud.Checks.Clearance;

public enum ClearanceVerdict
{
    /// <summary>Emptied at least once and not left full at the end of the day.</summary>
    Cleared,

    /// <summary>Never emptied during the day.</summary>
    NotCleared,

    /// <summary>Emptied, but full again at the end of the day (left full overnight).</summary>
    LeftFull,

    /// <summary>Readings arrived but none had a level: the sensor, not the service, failed.</summary>
    SensorFault,

    /// <summary>Nothing arrived: the device was offline. Not the same as "not cleared".</summary>
    NoData,
}
