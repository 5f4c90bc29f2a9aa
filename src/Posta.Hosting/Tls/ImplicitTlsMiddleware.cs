using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Posta.Hosting.Connections;

namespace Posta.Hosting.Tls;

/// <summary>TLS from the first byte, for submissions, imaps and pop3s (RFC 8314).</summary>
internal sealed class ImplicitTlsMiddleware(ConnectionDelegate next, ListenerContext listener)
{
    public async Task OnConnectionAsync(ConnectionContext context)
    {
        var connection = context.Features.GetRequiredFeature<ConnectionInfo>();
        try
        {
            await listener.Tls.AuthenticateAsync(context, connection, discardBufferedInput: false, context.ConnectionClosed);
        }
        catch (Exception ex) when (ConnectionSetupMiddleware.IsConnectionFailure(ex))
        {
            listener.Tls.LogFailure(connection, ex);
            return;
        }

        await next(context);
    }
}
