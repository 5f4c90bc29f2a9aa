namespace Posta.Storage;

/// <summary>Special-use mailbox attributes (RFC 6154 §2).</summary>
[Flags]
public enum SpecialUse
{
    /// <summary>An ordinary mailbox.</summary>
    None = 0,

    /// <summary>\All: a virtual view of every message (reserved; the store creates none).</summary>
    All = 1,

    /// <summary>\Archive.</summary>
    Archive = 2,

    /// <summary>\Drafts.</summary>
    Drafts = 4,

    /// <summary>\Flagged: a virtual view of flagged messages (reserved; the store creates none).</summary>
    Flagged = 8,

    /// <summary>\Junk.</summary>
    Junk = 16,

    /// <summary>\Sent.</summary>
    Sent = 32,

    /// <summary>\Trash.</summary>
    Trash = 64,
}
