namespace Posta.Imap.Protocol.Commands;

/// <summary>SORT keys (RFC 5256 §3, RFC 5957 DISPLAY).</summary>
public enum SortKey
{
    /// <summary>ARRIVAL: internal date.</summary>
    Arrival,

    /// <summary>CC: first Cc mailbox.</summary>
    Cc,

    /// <summary>DATE: sent date (internal date when absent).</summary>
    Date,

    /// <summary>FROM: first From mailbox.</summary>
    From,

    /// <summary>SIZE.</summary>
    Size,

    /// <summary>SUBJECT: base subject.</summary>
    Subject,

    /// <summary>TO: first To mailbox.</summary>
    To,

    /// <summary>DISPLAYFROM (RFC 5957).</summary>
    DisplayFrom,

    /// <summary>DISPLAYTO (RFC 5957).</summary>
    DisplayTo,
}
