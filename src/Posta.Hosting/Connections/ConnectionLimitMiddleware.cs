using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Posta.Hosting.Connections;

/// <summary>Refuses a client's connection beyond <see cref="HostingOptions.MaxConnectionsPerIp"/>.</summary>
internal sealed class ConnectionLimitMiddleware(ConnectionDelegate next, ListenerContext listener)
{
    public async Task OnConnectionAsync(ConnectionContext context)
    {
        var limit = listener.Options.MaxConnectionsPerIp;

        // Unix socket peers are local processes admitted by the socket's file mode.
        if (limit == 0 || context.RemoteEndPoint is not IPEndPoint remote)
        {
            await next(context);
            return;
        }

        var key = ClientAddress.LimitKey(remote.Address);
        if (!listener.Tracker.TryAcquire(key, limit))
        {
            Log.ConnectionLimitExceeded(listener.Logger, listener.Name, remote.Address, limit);
            if (listener.LimitResponder is { } responder && !ListenerNames.IsImplicitTls(listener.Name))
            {
                var connection = context.Features.GetRequiredFeature<ConnectionInfo>();
                using (connection.BeginHandshake(listener.Options.HandshakeTimeout))
                {
                    await responder.OnConnectionLimitAsync(context, context.ConnectionClosed);
                }
            }

            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            listener.Tracker.Release(key);
        }
    }
}
