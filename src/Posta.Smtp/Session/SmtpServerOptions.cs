using Posta.Hosting.Proxy;
using Posta.Smtp.Delivery;

namespace Posta.Smtp.Session;

/// <summary>Limits and policy of the SMTP listeners (smtp, submission, submissions).</summary>
public sealed class SmtpServerOptions
{
    /// <summary>
    /// Postfix's <c>smtpd_soft_error_limit</c> default: from the 10th error on, each error reply is
    /// delayed by <see cref="ErrorDelay"/>, which slows down address harvesting.
    /// </summary>
    public const int DefaultSoftErrorLimit = 10;

    /// <summary>Postfix's <c>smtpd_hard_error_limit</c> default: the client is disconnected at 20 errors.</summary>
    public const int DefaultHardErrorLimit = 20;

    /// <summary>The delivery limits shared with LMTP: host name, message size, recipients, spool directory.</summary>
    public required LocalDeliveryOptions Delivery { get; init; }

    /// <summary>Errors after which each error reply is delayed.</summary>
    public int SoftErrorLimit { get; init; } = DefaultSoftErrorLimit;

    /// <summary>Errors after which the client is disconnected (421 4.7.0).</summary>
    public int HardErrorLimit { get; init; } = DefaultHardErrorLimit;

    /// <summary>Postfix's <c>smtpd_error_sleep_time</c> default: 1 second per error past the soft limit.</summary>
    public TimeSpan ErrorDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Clients allowed to send XCLIENT (nginx's mail proxy, a Postfix in front): the networks of
    /// <c>network.trusted_proxies</c>. Empty: XCLIENT is neither offered nor accepted.
    /// </summary>
    public TrustedNetworks XClientNetworks { get; init; } = new([]);

    /// <summary>
    /// Networks whose clients may authenticate without TLS (DESIGN.md §4, as Dovecot's
    /// <c>login_trusted_networks</c>); a client connecting from the server's own address always may.
    /// </summary>
    public TrustedNetworks PlaintextAuthNetworks { get; init; } = new([]);

    /// <summary>
    /// Whether local users get their copy in this node's store during the transaction (the
    /// default); false on an MX-role node whose queue hands local mail to a store node over LMTP.
    /// </summary>
    public bool DeliverLocally { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Delivery);
        Delivery.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(SoftErrorLimit, 1, nameof(SoftErrorLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(HardErrorLimit, SoftErrorLimit, nameof(HardErrorLimit));
        ArgumentOutOfRangeException.ThrowIfNegative(ErrorDelay.Ticks, nameof(ErrorDelay));
    }
}
