namespace Posta.Storage;

/// <summary>The metadata of a message in a mailbox.</summary>
/// <param name="MailboxId">Mailbox holding the message.</param>
/// <param name="Uid">UID, unique in the mailbox for its UIDVALIDITY.</param>
/// <param name="ModSeq">Mod-sequence of the message's last change (RFC 7162).</param>
/// <param name="Flags">System flags.</param>
/// <param name="Keywords">Keywords, each once regardless of case, in the case first given.</param>
/// <param name="InternalDate">INTERNALDATE with the zone it was given in.</param>
/// <param name="Size">Size of the message in bytes.</param>
/// <param name="BlobHash">Name of the message's bytes in the blob store.</param>
public sealed record MessageRecord(
    long MailboxId,
    uint Uid,
    ulong ModSeq,
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    DateTimeOffset InternalDate,
    long Size,
    BlobHash BlobHash);
