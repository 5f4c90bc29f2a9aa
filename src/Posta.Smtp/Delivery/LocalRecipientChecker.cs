using Posta.Directory;
using Posta.Smtp.Protocol.Replies;
using Posta.Storage;

namespace Posta.Smtp.Delivery;

/// <summary>
/// Decides at RCPT time whether a recipient can take mail here (EXPECTATIONS.md 1, 14, 19): the
/// sending MTA learns at once about an unknown user, a disabled account or a full mailbox, and
/// never gets a 250 for an address that forwards elsewhere while nothing can send mail out.
/// </summary>
public sealed class LocalRecipientChecker(RecipientResolver resolver, IMailStore mail)
{
    /// <summary>Checks <paramref name="address"/>.</summary>
    /// <param name="address">The RCPT address.</param>
    /// <param name="declaredSize">The MAIL SIZE parameter, when the client sent one.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<RecipientVerdict> CheckAsync(string address, long? declaredSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var resolution = await resolver.ResolveAsync(address, cancellationToken);
        switch (resolution.Status)
        {
            case RecipientStatus.NotLocal or RecipientStatus.Unknown:
                return Refuse(SmtpReplies.MailboxUnavailable);
            case RecipientStatus.AliasLoop:
                return Refuse(DeliveryReplies.AliasLoop);
        }

        // Never accept what cannot be delivered in full: an alias that also forwards to another
        // server would lose that copy, as there is no outbound queue yet.
        if (resolution.ExternalTargets.Count > 0)
        {
            return Refuse(DeliveryReplies.ForwardingUnavailable);
        }

        var enabled = resolution.LocalRecipients.Where(r => !r.User.Disabled).ToList();
        if (enabled.Count == 0)
        {
            return Refuse(DeliveryReplies.MailboxDisabled);
        }

        var withRoom = new List<LocalRecipient>(enabled.Count);
        foreach (var recipient in enabled)
        {
            if (!await IsFullAsync(recipient.User.Id, declaredSize, cancellationToken))
            {
                withRoom.Add(recipient);
            }
        }

        // An alias reaching several users is accepted when one of them has room; the store
        // refuses the full ones at delivery, each on its own.
        return withRoom.Count == 0
            ? Refuse(DeliveryReplies.MailboxFull)
            : new RecipientVerdict(new AcceptedRecipient(address, enabled), null);
    }

    private static RecipientVerdict Refuse(SmtpReply reply) => new(null, reply);

    private async Task<bool> IsFullAsync(long userId, long? declaredSize, CancellationToken cancellationToken)
    {
        QuotaUsage usage;
        try
        {
            usage = await mail.GetQuotaAsync(userId, cancellationToken);
        }
        catch (UserNotFoundException)
        {
            // Removed between the lookup and now: the store reports it at delivery.
            return false;
        }

        if (usage.LimitBytes is not { } limit)
        {
            return false;
        }

        // "Already over quota": no room at all, or less than the size the client announced.
        return usage.UsedBytes >= limit || (declaredSize is { } size && usage.UsedBytes + size > limit);
    }
}
