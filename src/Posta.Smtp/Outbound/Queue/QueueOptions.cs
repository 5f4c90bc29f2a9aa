namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Retry schedule and limits of the mail queue. The defaults are Postfix's (postconf(5)), so a
/// message waits and gives up on the timetable administrators of Postfix know.
/// </summary>
public sealed class QueueOptions
{
    /// <summary>This server's host name: the Reporting-MTA of delivery reports.</summary>
    public required string Hostname { get; init; }

    /// <summary>
    /// Wait after the first failed attempt; it doubles after each further one up to
    /// <see cref="MaximalBackoffTime"/>. Postfix's <c>minimal_backoff_time</c> default: 300 s.
    /// </summary>
    public TimeSpan MinimalBackoffTime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest wait between two attempts. Postfix's <c>maximal_backoff_time</c> default: 4000 s.</summary>
    public TimeSpan MaximalBackoffTime { get; init; } = TimeSpan.FromSeconds(4000);

    /// <summary>
    /// Age at which a message still failing temporarily is given up and its sender told. Postfix's
    /// <c>maximal_queue_lifetime</c> default: 5 days.
    /// </summary>
    public TimeSpan MaximalQueueLifetime { get; init; } = TimeSpan.FromDays(5);

    /// <summary>
    /// The same for delivery reports, which nobody is told about when they are given up. Postfix's
    /// <c>bounce_queue_lifetime</c> default: 1 day.
    /// </summary>
    public TimeSpan BounceQueueLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Longest the runner sleeps without looking at the queue, should a wake-up be missed (another
    /// process queued mail, the clock stepped). Postfix's <c>queue_run_delay</c> default: 300 s.
    /// </summary>
    public TimeSpan QueueRunDelay { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Deliveries in progress at once. Small: on a small server local delivery is disk-bound, and
    /// remote deliveries are mostly waiting on the network.
    /// </summary>
    public int MaxParallelDeliveries { get; init; } = 4;

    /// <summary>Recipients taken from the queue at once.</summary>
    public int LeaseBatchSize { get; init; } = 100;

    /// <summary>
    /// How long leased recipients are reserved for this runner. Longer than any delivery attempt
    /// takes (an SMTP client's timeouts add up to minutes, RFC 5321 §4.5.3.2), since a lease that
    /// runs out mid-attempt lets the recipient be tried twice; short enough that the recipients of
    /// a crashed runner do not wait long.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Hostname);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinimalBackoffTime, TimeSpan.Zero, nameof(MinimalBackoffTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximalBackoffTime, MinimalBackoffTime, nameof(MaximalBackoffTime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaximalQueueLifetime, TimeSpan.Zero, nameof(MaximalQueueLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BounceQueueLifetime, TimeSpan.Zero, nameof(BounceQueueLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(QueueRunDelay, TimeSpan.Zero, nameof(QueueRunDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelDeliveries, 1, nameof(MaxParallelDeliveries));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseBatchSize, 1, nameof(LeaseBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(LeaseDuration));
    }

    /// <summary>
    /// The wait after the <paramref name="attempts"/>-th failed attempt: <see cref="MinimalBackoffTime"/>
    /// doubled for each attempt after the first, at most <see cref="MaximalBackoffTime"/>.
    /// </summary>
    internal TimeSpan BackoffAfter(int attempts)
    {
        var wait = MinimalBackoffTime;
        for (var i = 1; i < attempts && wait < MaximalBackoffTime; i++)
        {
            wait += wait;
        }

        return wait < MaximalBackoffTime ? wait : MaximalBackoffTime;
    }
}
