namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>
/// 密闭运输 for one truck and one day: the cover open while the truck drives faster than
/// <see cref="SealedTransportRules.MovingSpeedKmh"/> for longer than <see cref="SealedTransportRules.MinOpenDuration"/>.
/// Works on the devices' timestamps, so data that arrives late or out of order after a dead zone gives the same
/// verdict. A parked truck's GNSS jitter never counts: the truck node reports parked fixes at speed 0 and only
/// fixes above the moving speed form a drive.
/// </summary>
public static class SealedTransportCheck
{
    public static SealedTransportResult Evaluate(IEnumerable<PositionFix> positions, IEnumerable<CoverObservation> covers, SealedTransportRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var fold = new SealedTransportFold(rules);
        foreach (var cover in covers.OrderBy(c => c.Ts))
        {
            fold.TryAddCover(cover);
        }

        foreach (var fix in positions.OrderBy(p => p.Ts))
        {
            fold.TryAddFix(fix);
        }

        return fold.Result();
    }
}
