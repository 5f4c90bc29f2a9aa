using Posta.Smtp.Outbound.Queue;

namespace Posta.Smtp.Tests;

public class QueueOptionsTests
{
    [Fact]
    public void The_defaults_are_Postfixs()
    {
        var options = new QueueOptions { Hostname = "mx.example.org" };

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(300), options.MinimalBackoffTime);
        Assert.Equal(TimeSpan.FromSeconds(4000), options.MaximalBackoffTime);
        Assert.Equal(TimeSpan.FromDays(5), options.MaximalQueueLifetime);
        Assert.Equal(TimeSpan.FromDays(1), options.BounceQueueLifetime);
        Assert.Equal(TimeSpan.FromSeconds(300), options.QueueRunDelay);
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 600)]
    [InlineData(3, 1200)]
    [InlineData(4, 2400)]
    [InlineData(5, 4000)]
    [InlineData(6, 4000)]
    [InlineData(1000, 4000)]
    public void The_backoff_doubles_from_the_minimal_to_the_maximal_time(int attempts, int seconds)
    {
        var options = new QueueOptions { Hostname = "mx.example.org" };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.BackoffAfter(attempts));
    }

    public static TheoryData<QueueOptions> Invalid() =>
    [
        new QueueOptions { Hostname = " " },
        new QueueOptions { Hostname = "mx", MinimalBackoffTime = TimeSpan.Zero },
        new QueueOptions { Hostname = "mx", MaximalBackoffTime = TimeSpan.FromSeconds(299) },
        new QueueOptions { Hostname = "mx", MaximalQueueLifetime = TimeSpan.Zero },
        new QueueOptions { Hostname = "mx", BounceQueueLifetime = TimeSpan.FromSeconds(-1) },
        new QueueOptions { Hostname = "mx", QueueRunDelay = TimeSpan.Zero },
        new QueueOptions { Hostname = "mx", MaxParallelDeliveries = 0 },
        new QueueOptions { Hostname = "mx", LeaseBatchSize = 0 },
        new QueueOptions { Hostname = "mx", LeaseDuration = TimeSpan.Zero },
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Out_of_range_values_are_refused(QueueOptions options)
    {
        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }
}
