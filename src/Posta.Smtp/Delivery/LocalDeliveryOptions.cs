namespace Posta.Smtp.Delivery;

/// <summary>Limits and places of local delivery, shared by the LMTP and SMTP sessions.</summary>
public sealed class LocalDeliveryOptions
{
    /// <summary>
    /// 50 MiB. Postfix's <c>message_size_limit</c> defaults to 10240000 octets, which many setups
    /// raise because attachments grew; Gmail accepts incoming messages up to 50 MB
    /// (support.google.com/mail/answer/6584), so senders expect that much to go through.
    /// </summary>
    public const long DefaultMaxMessageSize = 50L * 1024 * 1024;

    /// <summary>Postfix's <c>smtpd_recipient_limit</c> default: 1000 recipients per transaction.</summary>
    public const int DefaultMaxRecipients = 1000;

    /// <summary>The server's host name, for the greeting and trace headers.</summary>
    public required string Hostname { get; init; }

    /// <summary>Largest message accepted, in octets of content as the client sends it (RFC 1870 §4).</summary>
    public long MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Most recipients accepted in one transaction; more get 452 4.5.3 (RFC 5321 §4.5.3.1.10).</summary>
    public int MaxRecipients { get; init; } = DefaultMaxRecipients;

    /// <summary>
    /// Where message content is spooled while it arrives (owner-only files, deleted when the
    /// transaction ends). Never holds acknowledged mail: that is in the store first.
    /// </summary>
    public required string TemporaryDirectory { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Hostname);
        ArgumentException.ThrowIfNullOrWhiteSpace(TemporaryDirectory);

        // RFC 5321 §4.5.3.1.7: a server must accept messages of at least 64K octets.
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 64 * 1024, nameof(MaxMessageSize));

        // RFC 5321 §4.5.3.1.8: a server must accept at least 100 recipients.
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecipients, 100, nameof(MaxRecipients));
    }
}
