using System.Net;
using Posta.Directory.Authentication;

namespace Posta.Directory.Tests.Authentication;

public sealed class AuthenticationThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.10");

    private static (AuthenticationThrottle Throttle, ManualTimeProvider Time) Create(AuthenticationThrottleOptions? options = null)
    {
        var time = new ManualTimeProvider();
        return (new AuthenticationThrottle(options, time), time);
    }

    private static void Fail(AuthenticationThrottle throttle, IPAddress client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(client);
        }
    }

    [Fact]
    public void The_defaults_are_dovecots_delay_and_ten_failures_in_fifteen_minutes()
    {
        var options = new AuthenticationThrottleOptions();
        Assert.Equal(TimeSpan.FromSeconds(2), options.FailureDelay);
        Assert.Equal(10, options.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Window);
        Assert.Equal(100_000, options.MaxTrackedClients);
    }

    [Fact]
    public void A_failure_brings_a_delay_that_lasts_the_window()
    {
        var (throttle, time) = Create();
        Assert.Equal(TimeSpan.Zero, throttle.FailureDelay(Client));
        throttle.RecordFailure(Client);
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.FailureDelay(Client));
        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.FailureDelay(Client));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, throttle.FailureDelay(Client));
        Assert.Equal(0, throttle.TrackedClients);
    }

    [Fact]
    public void Ten_failures_block_until_the_oldest_is_fifteen_minutes_old()
    {
        var (throttle, time) = Create();
        Fail(throttle, Client, 9);
        Assert.False(throttle.IsBlocked(Client));

        time.Advance(TimeSpan.FromMinutes(5));
        throttle.RecordFailure(Client);
        Assert.True(throttle.IsBlocked(Client));
        Assert.False(throttle.IsBlocked(IPAddress.Parse("192.0.2.11")));

        // The first nine were at minute 0: at minute 15 only one counted failure is left.
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.True(throttle.IsBlocked(Client));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsBlocked(Client));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.FailureDelay(Client));
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_block()
    {
        var (throttle, time) = Create();
        for (var i = 0; i < 30; i++)
        {
            throttle.RecordFailure(Client);
            Assert.False(throttle.IsBlocked(Client));
            time.Advance(TimeSpan.FromMinutes(2));
        }
    }

    [Fact]
    public void A_success_clears_the_record()
    {
        var (throttle, _) = Create();
        Fail(throttle, Client, 10);
        Assert.True(throttle.IsBlocked(Client));
        throttle.RecordSuccess(Client);
        Assert.False(throttle.IsBlocked(Client));
        Assert.Equal(TimeSpan.Zero, throttle.FailureDelay(Client));
        throttle.RecordSuccess(IPAddress.Parse("192.0.2.99"));
        Assert.Equal(0, throttle.TrackedClients);
    }

    [Fact]
    public void Ipv6_clients_are_counted_per_64_and_ipv4_mapped_addresses_as_ipv4()
    {
        var (throttle, _) = Create(new AuthenticationThrottleOptions { MaxFailures = 2 });
        throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));
        throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.True(throttle.IsBlocked(IPAddress.Parse("2001:db8:1:2::abcd")));
        Assert.False(throttle.IsBlocked(IPAddress.Parse("2001:db8:1:3::1")));

        throttle.RecordFailure(IPAddress.Parse("::ffff:192.0.2.10"));
        throttle.RecordFailure(Client);
        Assert.True(throttle.IsBlocked(Client));
        Assert.True(throttle.IsBlocked(IPAddress.Parse("::ffff:192.0.2.10")));
        Assert.False(throttle.IsBlocked(IPAddress.Parse("192.0.2.1")));
        Assert.False(throttle.IsBlocked(IPAddress.Parse("::")));
        Assert.Equal(2, throttle.TrackedClients);
    }

    [Fact]
    public void Memory_is_bounded_by_forgetting_the_client_whose_last_failure_is_oldest()
    {
        var (throttle, time) = Create(new AuthenticationThrottleOptions { MaxFailures = 2, MaxTrackedClients = 3 });
        var a = IPAddress.Parse("198.51.100.1");
        var b = IPAddress.Parse("198.51.100.2");
        var c = IPAddress.Parse("198.51.100.3");
        var d = IPAddress.Parse("198.51.100.4");
        Fail(throttle, a, 2);
        time.Advance(TimeSpan.FromSeconds(1));
        Fail(throttle, b, 2);
        time.Advance(TimeSpan.FromSeconds(1));
        Fail(throttle, c, 2);
        time.Advance(TimeSpan.FromSeconds(1));
        // a fails again, so b is now the one whose last failure is oldest.
        throttle.RecordFailure(a);
        throttle.RecordFailure(d);

        Assert.Equal(3, throttle.TrackedClients);
        Assert.True(throttle.IsBlocked(a));
        Assert.False(throttle.IsBlocked(b));
        Assert.True(throttle.IsBlocked(c));
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.FailureDelay(d));
    }

    [Fact]
    public void A_flood_of_addresses_stays_within_the_cap()
    {
        var (throttle, _) = Create(new AuthenticationThrottleOptions { MaxTrackedClients = 1000 });
        for (var i = 0; i < 5000; i++)
        {
            throttle.RecordFailure(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]));
        }

        Assert.Equal(1000, throttle.TrackedClients);
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.FailureDelay(new IPAddress([10, 0, 19, 135])));
        Assert.Equal(TimeSpan.Zero, throttle.FailureDelay(new IPAddress([10, 0, 0, 0])));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthenticationThrottle(new AuthenticationThrottleOptions { MaxFailures = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthenticationThrottle(new AuthenticationThrottleOptions { Window = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthenticationThrottle(new AuthenticationThrottleOptions { MaxTrackedClients = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthenticationThrottle(new AuthenticationThrottleOptions { FailureDelay = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task Concurrent_failures_from_many_threads_are_all_counted()
    {
        var (throttle, _) = Create(new AuthenticationThrottleOptions { MaxFailures = 400 });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Fail(throttle, Client, 100))));
        Assert.True(throttle.IsBlocked(Client));
    }
}
