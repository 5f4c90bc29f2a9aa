using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Listening;

/// <summary>
/// Stands in for Kestrel when this process serves no listener (a queue-only role, or protocols not
/// registered): Kestrel with no endpoints would bind localhost:5000 on its own, a port nobody
/// asked for.
/// </summary>
internal sealed class NoListenersServer(ServedListeners served, ILoggerFactory loggers) : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var logger = loggers.CreateLogger("Posta.Hosting");
        foreach (var name in served.Unserved)
        {
            Log.ListenerWithoutProtocol(logger, name);
        }

        Log.NoListeners(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
