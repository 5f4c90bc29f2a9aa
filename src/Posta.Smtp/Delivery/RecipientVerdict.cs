using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Delivery;

/// <summary>The answer to a RCPT: accepted with its local users, or the reply that refuses it.</summary>
/// <param name="Accepted">The accepted recipient, or null when refused.</param>
/// <param name="Rejection">The refusal, or null when accepted.</param>
public sealed record RecipientVerdict(AcceptedRecipient? Accepted, SmtpReply? Rejection)
{
    /// <summary>The domain is not hosted here: a relay attempt on the MX, a remote recipient on submission.</summary>
    public bool IsRemote { get; init; }
}
