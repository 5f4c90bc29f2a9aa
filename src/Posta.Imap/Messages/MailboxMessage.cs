using Posta.Storage;

namespace Posta.Imap.Messages;

/// <summary>One message of the selected mailbox as SEARCH, SORT and THREAD see it.</summary>
/// <param name="SequenceNumber">Its message sequence number in this session's view.</param>
/// <param name="Record">Its stored metadata (UID, flags, keywords, dates, size, mod-sequence).</param>
internal sealed record MailboxMessage(uint SequenceNumber, MessageRecord Record);
