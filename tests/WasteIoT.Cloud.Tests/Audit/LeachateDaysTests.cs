using System.Net.Http.Json;
using System.Text.Json;
using WasteIoT.Cloud.Checks.Ponds;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A leachate pond with its DTRO treating 12.5 m³/h, its counting node rebooting mid-morning, read through the API on
/// both databases: the volume treated in the day, the leachate arriving, the effluent against GB 16889.
/// </summary>
public sealed class LeachateDaysTests
{
    private static readonly DateTimeOffset Midnight = SmallCountyDay.Midnight;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TheDaysTreatedVolumeSurvivesARebootAndTheEffluentIsJudged(string database)
    {
        await using var cloud = await HandBuiltCounty.StartAsync(database, Registry, Day());

        var pond = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/ponds/p-01")).GetProperty("result");
        Assert.Equal(300.0, pond.GetProperty("treatedM3").GetDouble());
        Assert.InRange(pond.GetProperty("grossInflowM3PerDay").GetDouble(), pond.GetProperty("inflowM3PerDay").GetDouble() + 190, pond.GetProperty("inflowM3PerDay").GetDouble() + 200);
        Assert.Equal((120.0, true), (pond.GetProperty("effluentCod").GetDouble(), pond.GetProperty("effluentOverLimit").GetBoolean()));
        Assert.Equal(300.0, (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/summary")).GetProperty("treatedM3").GetDouble());
        Assert.Equal(pond.ToString(), (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26/ponds"))[0].GetProperty("result").ToString());

        // Two readings over GB 16889 (13:30 NH3-N 31, 23:30 COD 120): one case filed at once, naming both and the limits.
        Assert.Equal(["2026-11-26T05:30:00+00:00", "2026-11-26T15:30:00+00:00"], pond.GetProperty("effluentExceedances").EnumerateArray().Select(e => e.GetProperty("ts").GetString()));
        var effluent = Assert.Single(await HandBuiltCounty.CasesAsync(cloud), c => c.GetProperty("kind").GetString() == "effluent");
        Assert.Equal(("p-01", "c-green"), (effluent.GetProperty("subject").GetString(), effluent.GetProperty("contractor").GetString()));
        Assert.Contains("出水超标读数 2 次（13:30–23:30），最高 COD 120 mg/L、氨氮 31 mg/L；限值 COD 100 mg/L、氨氮 25 mg/L", effluent.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The month's balance reads each closed day as the pond audit does: the 25th treated 287.5 m³ (boot 1 to 23:00), the 26th 300.
        var month = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/tonnage/ponds/p-01/2026-11");
        Assert.Equal((26, 587.5), (month.GetProperty("days").GetArrayLength(), month.GetProperty("treatedM3").GetDouble()));
        Assert.Equal(pond.GetProperty("grossInflowM3PerDay").GetDouble(), month.GetProperty("days")[25].GetProperty("grossInflowM3PerDay").GetDouble());
    }

    internal static readonly (string Kind, string Csv)[] Registry =
    [
        ("contractors", "id,name,phone\nc-green,绿洁环境,\n"),
        ("ponds", "id,name,contractor,device,alarmVolumeM3,stageVolume,nodeCustody,treatmentDevice\np-01,渗滤液调节池,c-green,pond-01,10000,0:0;2:4000;4:9000;5:12000,bureau,site-s01\n"),
    ];

    /// <summary>The pond rising past 4 m over three days; the DTRO counted by boot 1 from the 25th's midnight to 10:00 on the 26th and by boot 2 from 10:30.</summary>
    internal static StoredDay Day()
    {
        var day = new StoredDay();
        day.Heard("pond-01", 1, Midnight.AddDays(-3), Midnight.AddHours(24).AddMinutes(30), TimeSpan.FromMinutes(10));
        foreach (var (at, stage) in new[] { (Midnight.AddDays(-2), 3.9), (Midnight, 4.0), (Midnight.AddHours(23), 4.1) })
        {
            day.Add(new LevelReading { Device = "pond-01", Boot = 1, Seq = 0, Ts = at, Level = stage, Echo = EchoStatus.Ok });
        }

        // Boot 1 counts from the 25th's midnight to 10:00 on the 26th; boot 2 from 10:30, with effluent readings.
        for (var k = 0; k <= 34; k++)
        {
            day.Add(new LeachateTreatment { Device = "site-s01", Boot = 1, Seq = 0, Ts = Midnight.AddHours(-24 + k), TotalM3 = 12.5 * k, FlowM3h = 12.5 });
        }

        for (var k = 0; k <= 13; k++)
        {
            day.Add(new LeachateTreatment { Device = "site-s01", Boot = 2, Seq = 0, Ts = Midnight.AddHours(10.5 + k), TotalM3 = 12.5 * k, FlowM3h = 12.5, Cod = k == 13 ? 120 : 62.5, Nh3n = k == 3 ? 31 : 8.2 });
        }

        return day.Renumber();
    }

    [Fact]
    public void ABootThatStartedBeforeAnyReadingCountsFromItsFirstTotal()
    {
        var noon = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));
        var totals = new List<(DateTimeOffset, long, double)> { (noon, 7, 500), (noon.AddHours(1), 7, 512.5), (noon.AddHours(2), 8, 5), (noon.AddHours(3), 8, 17.5) };

        // Boot 7's total before noon is unknown (500 is where the record starts); boot 8 counted from 0 after boot 7.
        Assert.Equal(12.5 + 17.5, TreatedVolume.Over(totals, noon.AddHours(-1), noon.AddHours(4)));
        Assert.Equal(17.5, TreatedVolume.Over(totals, noon.AddHours(1.5), noon.AddHours(4)));
    }
}
