namespace WasteIoT.Cloud.Readings;

public static class ReadingServices
{
    /// <summary>Reading access for the checks: a device's messages over a window, decoded once.</summary>
    public static IServiceCollection AddReadings(this IServiceCollection services)
    {
        services.AddSingleton<DeviceDay>();
        return services;
    }
}
