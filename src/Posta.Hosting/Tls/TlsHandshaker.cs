using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Posta.Hosting.Connections;

namespace Posta.Hosting.Tls;

/// <summary>Puts TLS under a connection, at accept (implicit TLS) or on request (STARTTLS).</summary>
internal sealed class TlsHandshaker(CertificateStore certificates, HostingOptions options, ILoggerFactory loggers)
{
    /// <summary>The content type of a TLS handshake record, the first octet a client sends (RFC 8446 §5.1).</summary>
    private const byte HandshakeRecord = 0x16;

    private readonly ILogger _logger = loggers.CreateLogger("Posta.Hosting.Tls");

    /// <summary>
    /// Handshakes over the current transport and makes the decrypted pipes the transport. With
    /// <paramref name="discardBufferedInput"/> (STARTTLS), bytes the client sent after the command
    /// and before the handshake are dropped: they were never protected, and honouring them is the
    /// command injection of CVE-2011-0411 (RFC 3207 §4.2, RFC 2595 §3.1).
    /// </summary>
    /// <exception cref="AuthenticationException">The handshake failed.</exception>
    /// <exception cref="IOException">The connection failed during the handshake.</exception>
    public async Task AuthenticateAsync(ConnectionContext context, ConnectionInfo connection, bool discardBufferedInput, CancellationToken cancellationToken)
    {
        if (connection.TlsSession is not null)
        {
            throw new InvalidOperationException("TLS is already active on this connection.");
        }

        var transport = context.Transport;
        if (discardBufferedInput)
        {
            await DiscardBufferedInputAsync(transport.Input, connection, cancellationToken);
        }

        var stream = new SslStream(new DuplexPipeStream(transport), leaveInnerStreamOpen: false);
        string? serverName = null;
        try
        {
            using (connection.BeginHandshake(options.HandshakeTimeout))
            {
                await stream.AuthenticateAsServerAsync(
                    (_, hello, _, _) =>
                    {
                        serverName = string.IsNullOrEmpty(hello.ServerName) ? null : hello.ServerName;
                        return ValueTask.FromResult(TlsServerOptions.Create(certificates.Select(serverName)));
                    },
                    null,
                    cancellationToken);
            }
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        var certificate = (X509Certificate2)stream.LocalCertificate!;
        var feature = new PostaTlsFeature(stream.SslProtocol, stream.NegotiatedCipherSuite, serverName, certificate);
        var session = new TlsSession(stream, feature);
        connection.TlsSession = session;
        context.Features.Set<IPostaTlsFeature>(feature);
        context.Transport = session;
        Log.TlsEstablished(_logger, connection.ListenerName, feature.Protocol, feature.CipherSuite, serverName, certificate.Thumbprint);
    }

    /// <summary>
    /// Drops what the client sent after STARTTLS. A cancelled read returns at once with every
    /// buffered byte, including bytes the handler already examined (TryRead skips those).
    /// </summary>
    /// <remarks>
    /// The handler calls this after flushing its "ready" reply, and the transport keeps filling the
    /// pipe meanwhile: a client that answered the reply at once has its ClientHello buffered already.
    /// Input that starts with a TLS handshake record is therefore kept for the handshake. That is
    /// safe: no line protocol command starts with that control octet, and whatever is kept is TLS
    /// input, which the handshake authenticates (the Finished messages cover its transcript), so it
    /// can never be read as a command under TLS. Anything else is plaintext sent before the reply
    /// (a pipelined or injected command) and is dropped whole; a ClientHello behind it goes too and
    /// the handshake fails, which is the safe outcome for a client that pipelined past STARTTLS.
    /// </remarks>
    private async Task DiscardBufferedInputAsync(PipeReader input, ConnectionInfo connection, CancellationToken cancellationToken)
    {
        input.CancelPendingRead();
        var buffered = await input.ReadAsync(cancellationToken);
        var buffer = buffered.Buffer;
        if (!new SequenceReader<byte>(buffer).TryPeek(out var first) || first == HandshakeRecord)
        {
            input.AdvanceTo(buffer.Start);
            return;
        }

        input.AdvanceTo(buffer.End);
        Log.InputDiscardedBeforeTls(_logger, connection.ListenerName, buffer.Length);
    }

    public void LogFailure(ConnectionInfo connection, Exception exception) =>
        Log.TlsHandshakeFailed(_logger, connection.ListenerName, connection.RemoteEndPoint, exception.Message);
}
