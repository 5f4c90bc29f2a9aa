using Microsoft.Extensions.Logging;

namespace Posta.Smtp.Outbound.Client;

/// <summary>SMTP/LMTP client log events, 600-619. Commands and replies only: never message content.</summary>
internal static partial class Log
{
    [LoggerMessage(600, LogLevel.Debug, "SMTP client connected: {Greeting}")]
    public static partial void Connected(ILogger logger, string greeting);

    [LoggerMessage(601, LogLevel.Debug, "SMTP client sent {Command}")]
    public static partial void CommandSent(ILogger logger, string command);

    [LoggerMessage(602, LogLevel.Debug, "SMTP client received {Reply}")]
    public static partial void ReplyReceived(ILogger logger, string reply);

    [LoggerMessage(603, LogLevel.Information, "SMTP client started TLS: {Protocol} {CipherSuite}")]
    public static partial void TlsStarted(ILogger logger, string protocol, string cipherSuite);

    [LoggerMessage(604, LogLevel.Information, "SMTP client transaction from <{Sender}>: {Delivered} of {Count} recipient(s) delivered, {Outcome}")]
    public static partial void TransactionDone(ILogger logger, string sender, int delivered, int count, string outcome);

    [LoggerMessage(605, LogLevel.Information, "SMTP client did not send the message from <{Sender}>: {Reply}")]
    public static partial void RefusedLocally(ILogger logger, string sender, string reply);

    [LoggerMessage(606, LogLevel.Warning, "SMTP client conversation failed: {Reason}")]
    public static partial void ConversationFailed(ILogger logger, string reason);

    [LoggerMessage(607, LogLevel.Debug, "SMTP client falls back to HELO after {Reply}")]
    public static partial void HeloFallback(ILogger logger, string reply);
}
