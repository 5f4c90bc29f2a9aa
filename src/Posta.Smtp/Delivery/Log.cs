using Microsoft.Extensions.Logging;

namespace Posta.Smtp.Delivery;

/// <summary>Delivery log events, 520-539. Envelope addresses only: never message content.</summary>
internal static partial class Log
{
    [LoggerMessage(520, LogLevel.Information, "delivered {Id} from <{Sender}> to {Recipient} ({User}, {Mailbox} uid {Uid}), {Size} bytes")]
    public static partial void Delivered(ILogger logger, string id, string sender, string recipient, string user, string? mailbox, uint uid, long size);

    [LoggerMessage(521, LogLevel.Information, "not delivered {Id} to {Recipient} ({User}): {Status}")]
    public static partial void NotDelivered(ILogger logger, string id, string recipient, string user, string status);

    [LoggerMessage(522, LogLevel.Error, "delivery of {Id} failed; every recipient was told to retry")]
    public static partial void DeliveryFailed(ILogger logger, string id, Exception exception);
}
