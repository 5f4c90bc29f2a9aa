namespace Posta.Storage;

/// <summary>The outcome of one <see cref="DeliveryTarget"/>.</summary>
public enum DeliveryStatus
{
    /// <summary>Stored.</summary>
    Delivered,

    /// <summary>The user's quota leaves no room for the message; nothing was stored for this target.</summary>
    QuotaExceeded,

    /// <summary>There is no such user.</summary>
    UserNotFound,

    /// <summary>The mailbox does not exist and the target asked not to fall back.</summary>
    MailboxNotFound,
}
