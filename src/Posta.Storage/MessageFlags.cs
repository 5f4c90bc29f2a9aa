namespace Posta.Storage;

/// <summary>IMAP system flags (RFC 9051 §2.3.2). \Recent is not kept: IMAP4rev2 dropped it.</summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>\Seen.</summary>
    Seen = 1,

    /// <summary>\Answered.</summary>
    Answered = 2,

    /// <summary>\Flagged.</summary>
    Flagged = 4,

    /// <summary>\Deleted.</summary>
    Deleted = 8,

    /// <summary>\Draft.</summary>
    Draft = 16,
}
