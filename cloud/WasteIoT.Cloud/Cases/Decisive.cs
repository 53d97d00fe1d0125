using System.Globalization;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Writes a measured value with the precision that decided the finding: at least as many decimals as the limit, and
/// more while rounding would make it read as the limit itself (a peak of 5.04 km/h over a 5 km/h rule, H2S 0.011 over 0.01).
/// </summary>
public static class Decisive
{
    public static string Format(double value, double limit, int minimumPlaces = 0)
    {
        var places = Math.Max(minimumPlaces, Places(limit));
        var text = Fixed(value, places);
        while (places < 6 && value != limit && text == Fixed(limit, places))
        {
            text = Fixed(value, ++places);
        }

        return text;
    }

    private static string Fixed(double value, int places) => value.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int Places(double value)
    {
        var text = value.ToString("0.######", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }
}
