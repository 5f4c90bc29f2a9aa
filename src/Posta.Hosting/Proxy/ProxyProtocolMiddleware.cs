using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Posta.Hosting.Connections;

namespace Posta.Hosting.Proxy;

/// <summary>
/// Reads the PROXY header a trusted proxy sends first and makes the client it names the
/// connection's remote endpoint. The specification forbids guessing whether a header is present,
/// so on a PROXY listener every connection must carry one, and only trusted peers may connect.
/// </summary>
internal sealed class ProxyProtocolMiddleware(ConnectionDelegate next, ListenerContext listener, TrustedNetworks trusted)
{
    public async Task OnConnectionAsync(ConnectionContext context)
    {
        // A unix socket is reachable only by local processes the file mode admits.
        if (context.RemoteEndPoint is IPEndPoint peer && !trusted.Contains(peer.Address))
        {
            Log.UntrustedProxySource(listener.Logger, listener.Name, context.RemoteEndPoint);
            return;
        }

        var connection = context.Features.GetRequiredFeature<ConnectionInfo>();
        ProxyHeader header;
        using (connection.BeginHandshake(listener.Options.HandshakeTimeout))
        {
            var (found, parsed) = await ReadHeaderAsync(context);
            if (!found)
            {
                return;
            }

            header = parsed;
        }

        if (header.Source is not null)
        {
            connection.ProxyEndPoint = context.RemoteEndPoint;
            context.RemoteEndPoint = ClientAddress.Normalize(header.Source);
            context.LocalEndPoint = ClientAddress.Normalize(header.Destination);
        }

        Log.ProxiedConnection(listener.Logger, listener.Name, connection.ProxyEndPoint ?? context.RemoteEndPoint, context.RemoteEndPoint, header.Version, header.Command);
        await next(context);
    }

    private async Task<(bool Found, ProxyHeader Header)> ReadHeaderAsync(ConnectionContext context)
    {
        var input = context.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(context.ConnectionClosed);
            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            switch (ProxyProtocolParser.TryParse(ref reader, out var header))
            {
                case OperationStatus.Done:
                    input.AdvanceTo(reader.Position);
                    return (true, header);

                case OperationStatus.InvalidData:
                    input.AdvanceTo(buffer.Start);
                    Log.InvalidProxyHeader(listener.Logger, listener.Name, context.RemoteEndPoint, header.Error);
                    return (false, header);

                default:
                    if (result.IsCompleted || result.IsCanceled)
                    {
                        input.AdvanceTo(buffer.Start);
                        Log.ProxyHeaderTruncated(listener.Logger, listener.Name, context.RemoteEndPoint);
                        return (false, header);
                    }

                    input.AdvanceTo(buffer.Start, buffer.End);
                    break;
            }
        }
    }
}
