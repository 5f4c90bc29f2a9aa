using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Listening;

/// <summary>
/// Stands in for Kestrel when no listener has an address (a queue-only role): Kestrel with no
/// endpoints would bind localhost:5000 on its own, a port nobody asked for.
/// </summary>
internal sealed class NoListenersServer(ILoggerFactory loggers) : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        Log.NoListeners(loggers.CreateLogger("Posta.Hosting"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
