using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Posta.Hosting;
using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Lmtp;

/// <summary>
/// Serves the <c>lmtp</c> listener (RFC 2033): an MTA (Postfix, Exim, a Posta MX) delivers into
/// this server's mailboxes and learns the outcome per recipient. There is no AUTH: LMTP is an
/// internal hop, so bind the listener to a unix socket or an internal address, never to one the
/// Internet reaches.
/// </summary>
public sealed class LmtpConnectionHandler(
    LocalDeliveryOptions options,
    LocalRecipientChecker checker,
    LocalDelivery delivery,
    ILogger<LmtpConnectionHandler> logger,
    TimeProvider timeProvider) : ConnectionHandler, IConnectionLimitResponder
{
    /// <summary>421 4.7.0: the per-IP connection limit refused the connection.</summary>
    private static readonly SmtpReply TooManyConnections = new(421, new EnhancedStatusCode(4, 7, 0), "Error: too many connections");

    /// <inheritdoc />
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var session = new LmtpSession(connection, connection.GetConnectionInfo(), options, checker, delivery, logger, timeProvider);
        try
        {
            await session.RunAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Reset or aborted (ConnectionResetException, ConnectionAbortedException): the client
            // is gone; nothing was acknowledged that is not stored.
            Log.ConnectionLost(logger, e.Message);
        }
    }

    /// <inheritdoc />
    public async ValueTask OnConnectionLimitAsync(ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        SmtpReplyWriter.Write(connection.Transport.Output, TooManyConnections);
        await connection.Transport.Output.FlushAsync(cancellationToken);
    }
}
