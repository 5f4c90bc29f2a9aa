namespace Posta.Smtp.Tests;

/// <summary>
/// A clock the test moves by hand, with timers that fire when it passes their time, so code that
/// sleeps with <c>Task.Delay(delay, timeProvider)</c> wakes when the test says.
/// </summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock on and fires the timers that came due.</summary>
    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_lock)
        {
            _now += by;
            due = [.. _timers.Where(t => t.DueAt <= _now)];
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        bool fireNow;
        lock (_lock)
        {
            _timers.Remove(timer);
            timer.Period = period;
            fireNow = dueTime == TimeSpan.Zero;
            if (dueTime != Timeout.InfiniteTimeSpan && !fireNow)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }

        if (fireNow)
        {
            timer.Fire();
        }
    }

    private void Cancel(FakeTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            callback(state);
            if (Period != Timeout.InfiniteTimeSpan && Period > TimeSpan.Zero)
            {
                owner.Schedule(this, Period, Period);
            }
        }

        public void Dispose() => owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            owner.Cancel(this);
            return ValueTask.CompletedTask;
        }
    }
}
