using WasteIoT.Cloud.Cases;

namespace WasteIoT.Cloud.Tests.Cases;

public sealed class DecisiveTests
{
    [Theory]
    [InlineData(5.1, 5, 1, "5.1")]
    [InlineData(5.04, 5, 1, "5.04")]
    [InlineData(30, 5, 1, "30.0")]
    [InlineData(0.011, 0.01, 0, "0.011")]
    [InlineData(0.0149, 0.01, 0, "0.015")]
    [InlineData(1.5, 1, 1, "1.5")]
    [InlineData(1.004, 1, 0, "1.004")]
    public void AValueKeepsThePrecisionThatSetsItApartFromItsLimit(double value, double limit, int minimumPlaces, string expected)
    {
        Assert.Equal(expected, Decisive.Format(value, limit, minimumPlaces));
    }
}
