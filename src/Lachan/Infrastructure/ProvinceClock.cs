namespace Lachan.Infrastructure;

/// <summary>The province's calendar day. Orders, quarantines, samples and due lists are dated in Vietnam time
/// (UTC+7, no daylight saving), whatever the server's own time zone: 23:30 UTC is already tomorrow there.</summary>
public static class ProvinceClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly ProvinceToday(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A stored UTC instant (Kind may be Unspecified after a round trip) as the province's wall-clock time.</summary>
    public static DateTime ToProvinceTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;
}
