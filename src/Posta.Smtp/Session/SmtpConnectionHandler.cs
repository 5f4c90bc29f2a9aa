using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Posta.Hosting;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Session;

/// <summary>
/// Serves the <c>smtp</c> listener (MX, port 25) and the submission listeners (<c>submission</c>,
/// 587 with STARTTLS; <c>submissions</c>, 465 with implicit TLS): one <see cref="SmtpSession"/>
/// per connection, with the policy of the listener that accepted it.
/// </summary>
internal sealed class SmtpConnectionHandler(SmtpSessionServices services, ILogger<SmtpConnectionHandler> logger) : ConnectionHandler, IConnectionLimitResponder
{
    /// <summary>421 4.7.0: the per-IP connection limit refused the connection.</summary>
    private static readonly SmtpReply TooManyConnections = new(421, new EnhancedStatusCode(4, 7, 0), "Error: too many connections from your address");

    /// <inheritdoc />
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var info = connection.GetConnectionInfo();
        var kind = info.ListenerName == ListenerNames.Smtp ? SmtpListenerKind.Mx : SmtpListenerKind.Submission;
        var session = new SmtpSession(connection, info, kind, services, logger);
        try
        {
            await session.RunAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Reset or aborted: the client is gone; nothing was acknowledged that is not stored.
            Log.ConnectionLost(logger, e.Message);
        }
        catch (Exception e)
        {
            // A defect, not the client's doing: say so loudly, end only this connection.
            Log.SessionFailed(logger, e);
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
