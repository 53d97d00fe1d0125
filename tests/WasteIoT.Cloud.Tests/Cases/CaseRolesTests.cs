using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Cases;

namespace WasteIoT.Cloud.Tests.Cases;

public sealed class CaseRolesTests
{
    private static readonly Viewer Bureau = new("admin", UserRole.Bureau, "", "");
    private static readonly Viewer Green = new("green-boss", UserRole.Contractor, "c-green", "");
    private static readonly Viewer Blue = new("blue-boss", UserRole.Contractor, "c-blue", "");

    [Fact]
    public void BureauDispatchesClosesAndSendsBackContractorResolves()
    {
        Assert.Equal(["dispatch"], CaseRoles.Allowed(Bureau, Case("c-green", CaseStatus.Filed)));
        Assert.Empty(CaseRoles.Allowed(Bureau, Case("c-green", CaseStatus.Dispatched)));
        Assert.Equal(["close", "return"], CaseRoles.Allowed(Bureau, Case("c-green", CaseStatus.Resolved)));
        Assert.Equal(["resolve"], CaseRoles.Allowed(Green, Case("c-green", CaseStatus.Dispatched)));
        Assert.Empty(CaseRoles.Allowed(Green, Case("c-green", CaseStatus.Filed)));
        Assert.Empty(CaseRoles.Allowed(Blue, Case("c-green", CaseStatus.Dispatched)));
        Assert.Empty(CaseRoles.Allowed(Bureau, Case("c-green", CaseStatus.Closed)));
    }

    [Fact]
    public void BureauResolvesOnlyCasesAboutNodesItMaintains()
    {
        Assert.Equal(["resolve"], CaseRoles.Allowed(Bureau, Case(CaseFindings.BureauMaintainer, CaseStatus.Dispatched)));
        Assert.Empty(CaseRoles.Allowed(Green, Case(CaseFindings.BureauMaintainer, CaseStatus.Dispatched)));
        Assert.False(CaseRoles.May(Bureau, "resolve", Case("c-green", CaseStatus.Dispatched)));
        Assert.False(CaseRoles.May(Green, "reopen", Case("c-green", CaseStatus.Closed)));
    }

    private static CaseRecord Case(string contractor, CaseStatus status) =>
        new(1, "nodeSilent", "bin-01", new DateOnly(2026, 11, 26), "silent", contractor, "t", "d", status, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, null, []);
}
