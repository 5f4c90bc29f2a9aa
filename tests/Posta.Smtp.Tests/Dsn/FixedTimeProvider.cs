namespace Posta.Smtp.Tests.Dsn;

/// <summary>A clock stopped at one instant, in UTC, so report dates can be asserted.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
