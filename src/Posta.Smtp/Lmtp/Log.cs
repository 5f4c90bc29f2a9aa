using Microsoft.Extensions.Logging;

namespace Posta.Smtp.Lmtp;

/// <summary>LMTP session log events, 500-519. Envelope addresses only: never message content.</summary>
internal static partial class Log
{
    [LoggerMessage(500, LogLevel.Debug, "LMTP client {ClientName} greeted")]
    public static partial void Greeted(ILogger logger, string clientName);

    [LoggerMessage(501, LogLevel.Information, "LMTP recipient {Recipient} refused: {Reply}")]
    public static partial void RecipientRefused(ILogger logger, string recipient, string reply);

    [LoggerMessage(502, LogLevel.Information, "LMTP message {Id} refused for all {Count} recipient(s): {Reply}")]
    public static partial void ContentRefused(ILogger logger, string id, int count, string reply);

    [LoggerMessage(503, LogLevel.Information, "LMTP client idle too long; closing")]
    public static partial void IdleTimeout(ILogger logger);

    [LoggerMessage(504, LogLevel.Warning, "LMTP client made {Count} errors; closing")]
    public static partial void TooManyErrors(ILogger logger, int count);

    [LoggerMessage(505, LogLevel.Error, "LMTP could not spool a message")]
    public static partial void SpoolFailed(ILogger logger, Exception exception);

    [LoggerMessage(506, LogLevel.Error, "LMTP recipient lookup failed for {Recipient}")]
    public static partial void LookupFailed(ILogger logger, string recipient, Exception exception);

    [LoggerMessage(507, LogLevel.Information, "LMTP connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(508, LogLevel.Information, "LMTP session closed for shutdown")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(509, LogLevel.Information, "LMTP protocol error {Reply}; closing")]
    public static partial void ProtocolError(ILogger logger, string reply);
}
