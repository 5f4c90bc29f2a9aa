using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Posta.Directory;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Outbound.Queue;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Smtp.Tests;

public class QueueRegistrationTests
{
    [Fact]
    public async Task AddPostaQueue_registers_the_queue_its_runner_and_both_transports()
    {
        using var dir = new TempDirectory("posta-queue-di");
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dir.Combine("data") });
        var services = Base(store);

        services.AddPostaQueue(new QueueOptions { Hostname = "mx.example.org" });

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(store.Queue, provider.GetRequiredService<Posta.Storage.Queue.IQueueStore>());
        Assert.NotNull(provider.GetRequiredService<MessageQueue>());
        Assert.IsType<LocalTransport>(provider.GetRequiredKeyedService<IDeliveryTransport>(QueueTransports.Local));
        Assert.IsType<UnavailableRemoteTransport>(provider.GetRequiredKeyedService<IDeliveryTransport>(QueueTransports.Remote));
        Assert.Single(provider.GetServices<IHostedService>().OfType<QueueRunner>());
    }

    [Fact]
    public async Task A_remote_transport_registered_first_replaces_the_unavailable_one()
    {
        using var dir = new TempDirectory("posta-queue-di");
        await using var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dir.Combine("data") });
        var services = Base(store);
        var remote = new ScriptedTransport(r => [.. r.Recipients.Select(_ => TransportResult.Delivered())]);
        services.AddKeyedSingleton<IDeliveryTransport>(QueueTransports.Remote, remote);

        services.AddPostaQueue(new QueueOptions { Hostname = "mx.example.org" });

        await using var provider = services.BuildServiceProvider();
        Assert.Same(remote, provider.GetRequiredKeyedService<IDeliveryTransport>(QueueTransports.Remote));
    }

    [Fact]
    public void Invalid_options_are_refused_at_registration()
    {
        var services = new ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(() => services.AddPostaQueue(new QueueOptions { Hostname = "mx.example.org", MaxParallelDeliveries = 0 }));
        Assert.Empty(services);
    }

    private static ServiceCollection Base(IStore store)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(store);
        services.AddSingleton(store.Directory);
        services.AddSingleton(store.Mail);
        services.AddSingleton(new DirectoryOptions());
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<IDeliveryReportBuilder>(new RecordingReportBuilder());
        return services;
    }
}
