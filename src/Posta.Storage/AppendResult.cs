namespace Posta.Storage;

/// <summary>Where an appended message went: what IMAP APPENDUID (RFC 4315) reports.</summary>
/// <param name="MailboxId">The mailbox.</param>
/// <param name="UidValidity">The mailbox's UIDVALIDITY.</param>
/// <param name="Uid">The message's UID.</param>
/// <param name="ModSeq">The message's mod-sequence, now the mailbox's HIGHESTMODSEQ.</param>
/// <param name="BlobHash">Name of the message's bytes.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record AppendResult(long MailboxId, uint UidValidity, uint Uid, ulong ModSeq, BlobHash BlobHash, long Size);
