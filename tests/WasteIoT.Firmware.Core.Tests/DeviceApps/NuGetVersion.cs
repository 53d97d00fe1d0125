namespace WasteIoT.Firmware.Core.Tests.DeviceApps;

/// <summary>NuGet's ordering of the versions the manifest holds: numeric parts, and a prerelease below its release.</summary>
internal static class NuGetVersion
{
    public static int Compare(string a, string b)
    {
        var (numbersA, preA) = Parse(a);
        var (numbersB, preB) = Parse(b);
        for (var i = 0; i < Math.Max(numbersA.Length, numbersB.Length); i++)
        {
            var x = i < numbersA.Length ? numbersA[i] : 0;
            var y = i < numbersB.Length ? numbersB[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return (preA.Length == 0, preB.Length == 0) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(preA, preB),
        };
    }

    private static (long[] Numbers, string Prerelease) Parse(string version)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var main = dash < 0 ? version : version[..dash];
        return ([.. main.Split('.').Select(long.Parse)], dash < 0 ? "" : version[(dash + 1)..]);
    }
}
