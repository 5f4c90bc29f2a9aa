namespace Posta.Smtp.Outbound.Dsn;

/// <summary>The Action field of a recipient's report (RFC 3464 §2.3.3).</summary>
public enum ReportAction
{
    /// <summary>Could not be delivered and will not be tried again.</summary>
    Failed,

    /// <summary>Not delivered yet; still being tried.</summary>
    Delayed,

    /// <summary>Delivered to the recipient's mailbox.</summary>
    Delivered,

    /// <summary>Handed to a system that does not report on delivery.</summary>
    Relayed,

    /// <summary>Delivered to the recipient and forwarded to further addresses.</summary>
    Expanded,
}
