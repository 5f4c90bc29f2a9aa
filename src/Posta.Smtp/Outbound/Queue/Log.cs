using Microsoft.Extensions.Logging;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>Queue log events, 560-589. Envelope addresses and replies only: never message content.</summary>
internal static partial class Log
{
    [LoggerMessage(560, LogLevel.Information, "queued {QueueId} (#{MessageId}) from <{Sender}> for {Recipients} recipient(s), report: {IsReport}")]
    public static partial void Queued(ILogger logger, string queueId, long messageId, string sender, int recipients, bool isReport);

    [LoggerMessage(561, LogLevel.Information, "{QueueId}: to <{Recipient}> via {Transport}: delivered ({Reply})")]
    public static partial void Delivered(ILogger logger, string queueId, string recipient, string transport, string reply);

    [LoggerMessage(562, LogLevel.Information, "{QueueId}: to <{Recipient}> via {Transport}: deferred after attempt {Attempts}, next at {NextAttempt:O} ({Reply})")]
    public static partial void Deferred(ILogger logger, string queueId, string recipient, string transport, int attempts, DateTimeOffset nextAttempt, string reply);

    [LoggerMessage(563, LogLevel.Information, "{QueueId}: to <{Recipient}> via {Transport}: failed ({Reply})")]
    public static partial void Failed(ILogger logger, string queueId, string recipient, string transport, string reply);

    [LoggerMessage(564, LogLevel.Information, "{QueueId}: to <{Recipient}>: given up after {Age} in the queue ({Reply})")]
    public static partial void Expired(ILogger logger, string queueId, string recipient, TimeSpan age, string reply);

    [LoggerMessage(565, LogLevel.Information, "{QueueId}: delivery report {ReportId} to <{Sender}> on {Recipients} recipient(s)")]
    public static partial void ReportQueued(ILogger logger, string queueId, string reportId, string sender, int recipients);

    [LoggerMessage(566, LogLevel.Error, "{QueueId}: the delivery report to <{Sender}> could not be queued; its failed recipients stay in the queue")]
    public static partial void ReportFailed(ILogger logger, string queueId, string sender, Exception exception);

    [LoggerMessage(567, LogLevel.Information, "{QueueId}: no report on <{Recipient}>: {Reason}")]
    public static partial void ReportNotSent(ILogger logger, string queueId, string recipient, string reason);

    [LoggerMessage(568, LogLevel.Error, "{QueueId}: transport {Transport} failed; {Recipients} recipient(s) deferred")]
    public static partial void TransportFailed(ILogger logger, string queueId, string transport, int recipients, Exception exception);

    [LoggerMessage(569, LogLevel.Error, "the queue runner failed; it looks at the queue again in {Pause}")]
    public static partial void RunnerFailed(ILogger logger, TimeSpan pause, Exception exception);

    [LoggerMessage(570, LogLevel.Warning, "{QueueId}: the lease of {Recipients} recipient(s) ran out before their delivery started; they are tried on a later run")]
    public static partial void LeaseExpired(ILogger logger, string queueId, int recipients);

    [LoggerMessage(571, LogLevel.Debug, "{QueueId}: stored for {User} in {Mailbox} uid {Uid}")]
    public static partial void StoredForUser(ILogger logger, string queueId, string user, string? mailbox, uint uid);

    [LoggerMessage(572, LogLevel.Information, "{QueueId}: not stored for {User}: {Status}")]
    public static partial void NotStoredForUser(ILogger logger, string queueId, string user, string status);

    [LoggerMessage(573, LogLevel.Error, "{QueueId}: the store could not take the message; its local recipients are deferred")]
    public static partial void StoreFailed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(574, LogLevel.Information, "{QueueId}: <{Recipient}> forwards to {Targets} external address(es), queued as {ForwardId}")]
    public static partial void Forwarded(ILogger logger, string queueId, string recipient, int targets, string forwardId);

    [LoggerMessage(575, LogLevel.Error, "{QueueId}: the outcome of {Recipients} recipient(s) could not be recorded; they are tried again when their lease runs out")]
    public static partial void CompletionFailed(ILogger logger, string queueId, int recipients, Exception exception);

    [LoggerMessage(576, LogLevel.Warning, "{QueueId}: handing over to the store node {Remote} over LMTP failed: {Reason}")]
    public static partial void LmtpHandoffFailed(ILogger logger, string queueId, string remote, string reason);
}
