namespace Posta.Imap.Protocol.Commands;

/// <summary>Which date a <see cref="DateKey"/> compares.</summary>
public enum DateField
{
    /// <summary>The internal date: BEFORE, ON, SINCE.</summary>
    Internal,

    /// <summary>The Date header: SENTBEFORE, SENTON, SENTSINCE.</summary>
    Sent,

    /// <summary>The save date (RFC 8514): SAVEDBEFORE, SAVEDON, SAVEDSINCE.</summary>
    Saved,
}
