namespace Posta.Imap.Protocol.Commands;

/// <summary>STATUS data items (RFC 9051 §6.3.11, RFC 7162, RFC 8438, RFC 7889, RFC 8474).</summary>
public enum StatusItem
{
    /// <summary>MESSAGES.</summary>
    Messages,

    /// <summary>RECENT (IMAP4rev1 only).</summary>
    Recent,

    /// <summary>UIDNEXT.</summary>
    UidNext,

    /// <summary>UIDVALIDITY.</summary>
    UidValidity,

    /// <summary>UNSEEN.</summary>
    Unseen,

    /// <summary>DELETED (RFC 9051).</summary>
    Deleted,

    /// <summary>SIZE (RFC 8438 STATUS=SIZE).</summary>
    Size,

    /// <summary>HIGHESTMODSEQ (RFC 7162).</summary>
    HighestModSeq,

    /// <summary>APPENDLIMIT (RFC 7889).</summary>
    AppendLimit,

    /// <summary>MAILBOXID (RFC 8474).</summary>
    MailboxId,
}
