namespace Posta.Smtp.Protocol.Commands;

/// <summary>The parameters of a RCPT command (RFC 3461 §4.1, §4.2).</summary>
public sealed record RcptParameters
{
    /// <summary>No parameters.</summary>
    public static RcptParameters None { get; } = new();

    /// <summary>NOTIFY: when to send a DSN.</summary>
    public DsnNotify Notify { get; init; }

    /// <summary>ORCPT: the original recipient; null when absent.</summary>
    public OriginalRecipient? OriginalRecipient { get; init; }
}
