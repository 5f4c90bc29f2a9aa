using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>How the content phase of a transaction ended.</summary>
/// <param name="Reply">The reply that settled the content for the whole transaction (see <see cref="TransactionResult.DataReply"/>).</param>
/// <param name="Ended">The server ended the transaction (a reply after the end of the content); otherwise the session resets it.</param>
/// <param name="Closing">A 421 that ends the conversation, or null.</param>
internal readonly record struct ContentOutcome(SmtpReply? Reply, bool Ended, SmtpReply? Closing);
