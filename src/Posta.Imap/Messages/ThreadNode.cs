namespace Posta.Imap.Messages;

/// <summary>A node of a THREAD answer: a message (or a dummy without one) and its children.</summary>
/// <param name="Message">The message, or null for a placeholder parent.</param>
/// <param name="Children">The replies, in order.</param>
internal sealed record ThreadNode(MailboxMessage? Message, IReadOnlyList<ThreadNode> Children);
