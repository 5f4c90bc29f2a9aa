using Microsoft.Extensions.Logging;

namespace Posta.Smtp.Session;

/// <summary>SMTP session log events, 620-659. Envelope addresses and client addresses only: never content or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(620, LogLevel.Debug, "SMTP client {Client} greeted as {ClientName}")]
    public static partial void Greeted(ILogger logger, string client, string clientName);

    [LoggerMessage(621, LogLevel.Information, "SMTP client {Client}: recipient {Recipient} refused: {Reply}")]
    public static partial void RecipientRefused(ILogger logger, string client, string recipient, string reply);

    [LoggerMessage(622, LogLevel.Information, "SMTP client {Client}: message {Id} refused: {Reply}")]
    public static partial void ContentRefused(ILogger logger, string client, string id, string reply);

    [LoggerMessage(623, LogLevel.Information, "SMTP client {Client} idle too long; closing")]
    public static partial void IdleTimeout(ILogger logger, string client);

    [LoggerMessage(624, LogLevel.Warning, "SMTP client {Client} made {Count} errors; closing")]
    public static partial void TooManyErrors(ILogger logger, string client, int count);

    [LoggerMessage(625, LogLevel.Error, "SMTP could not spool a message")]
    public static partial void SpoolFailed(ILogger logger, Exception exception);

    [LoggerMessage(626, LogLevel.Error, "SMTP lookup failed for {Address}")]
    public static partial void LookupFailed(ILogger logger, string address, Exception exception);

    [LoggerMessage(627, LogLevel.Information, "SMTP connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(628, LogLevel.Information, "SMTP session closed for shutdown")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(629, LogLevel.Information, "SMTP client {Client}: protocol error {Reply}; closing")]
    public static partial void ProtocolError(ILogger logger, string client, string reply);

    [LoggerMessage(630, LogLevel.Information, "SMTP client {Client}: sender <{Sender}> not owned by {Account}")]
    public static partial void SenderRefused(ILogger logger, string client, string sender, string account);

    [LoggerMessage(631, LogLevel.Information, "SMTP client {Client} authenticated as {Account} with {Mechanism}")]
    public static partial void Authenticated(ILogger logger, string client, string account, string mechanism);

    [LoggerMessage(632, LogLevel.Warning, "SMTP client {Client}: {Mechanism} authentication failed ({Reason})")]
    public static partial void AuthFailed(ILogger logger, string client, string mechanism, string reason);

    [LoggerMessage(633, LogLevel.Warning, "SMTP client {Client} failed to authenticate too often; closing")]
    public static partial void AuthBlocked(ILogger logger, string client);

    [LoggerMessage(634, LogLevel.Information, "SMTP client {Client}: TLS handshake failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, string client, string reason);

    [LoggerMessage(635, LogLevel.Information, "XCLIENT from {Proxy}: client {Client}, login {Login}")]
    public static partial void XClient(ILogger logger, string proxy, string client, string login);

    [LoggerMessage(636, LogLevel.Warning, "XCLIENT from {Proxy} named a login that is no account here")]
    public static partial void XClientUnknownLogin(ILogger logger, string proxy);

    [LoggerMessage(637, LogLevel.Error, "SMTP session failed")]
    public static partial void SessionFailed(ILogger logger, Exception exception);

    [LoggerMessage(640, LogLevel.Information, "accepted {Id} from <{Sender}>: {Recipients} recipient(s), {Delivered} delivered, {Queued} queued, {Size} bytes")]
    public static partial void Accepted(ILogger logger, string id, string sender, int recipients, int delivered, int queued, long size);

    [LoggerMessage(641, LogLevel.Information, "delivered {Id} from <{Sender}> to {Recipient} ({User}, {Mailbox} uid {Uid})")]
    public static partial void Delivered(ILogger logger, string id, string sender, string recipient, string user, string? mailbox, uint uid);

    [LoggerMessage(642, LogLevel.Information, "{Id} for {User} not delivered now ({Status}); queued")]
    public static partial void Deferred(ILogger logger, string id, string user, string status);

    [LoggerMessage(643, LogLevel.Error, "{Id}: storing for local users failed; queueing them")]
    public static partial void DirectDeliveryFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(644, LogLevel.Error, "{Id}: queueing failed ({Delivered} local copies stored already); the client was told to retry")]
    public static partial void QueueFailed(ILogger logger, string id, int delivered, Exception exception);
}
