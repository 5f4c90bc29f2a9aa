using System.Security.Authentication;
using Microsoft.AspNetCore.Connections;

namespace Posta.Hosting.Connections;

/// <summary>
/// Outermost middleware of every listener: creates the <see cref="IConnectionInfo"/> feature,
/// puts the connection under the heartbeat, and tears down whatever the inner layers added.
/// </summary>
internal sealed class ConnectionSetupMiddleware(ConnectionDelegate next, ListenerContext listener)
{
    public async Task OnConnectionAsync(ConnectionContext context)
    {
        context.RemoteEndPoint = ClientAddress.Normalize(context.RemoteEndPoint);
        context.LocalEndPoint = ClientAddress.Normalize(context.LocalEndPoint);

        var connection = new ConnectionInfo(context, listener);
        var original = context.Transport;
        if (listener.TrackActivity)
        {
            context.Transport = new ActivityDuplexPipe(original, connection);
        }

        context.Features.Set<IConnectionInfo>(connection);
        context.Features.Set(connection);
        listener.Tracker.Register(connection);

        using var scope = listener.Logger.BeginScope(new ConnectionLogScope(connection));
        Log.ConnectionAccepted(listener.Logger, listener.Name, context.RemoteEndPoint, context.LocalEndPoint);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            Log.ConnectionFailed(listener.Logger, listener.Name, context.RemoteEndPoint, ex.Message);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(listener.Logger, listener.Name, context.RemoteEndPoint, ex);
        }
        finally
        {
            if (connection.TlsSession is { } tls)
            {
                // Sending close_notify may block on a client that stopped reading; the heartbeat
                // bounds it like a handshake.
                using (connection.BeginHandshake(listener.Options.HandshakeTimeout))
                {
                    await tls.DisposeAsync();
                }
            }

            listener.Tracker.Unregister(connection);
            context.Transport = original;
            Log.ConnectionClosed(listener.Logger, listener.Name, context.RemoteEndPoint);
        }
    }

    /// <summary>The peer went away, was timed out, or spoke bad TLS: routine on the internet.</summary>
    internal static bool IsConnectionFailure(Exception ex) =>
        ex is IOException or OperationCanceledException or AuthenticationException or ObjectDisposedException;
}
