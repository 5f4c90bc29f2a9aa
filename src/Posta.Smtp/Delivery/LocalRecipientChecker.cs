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
    /// <param name="allowExternalTargets">
    /// Whether the caller can queue copies for addresses on other servers (SMTP can; LMTP, an
    /// internal hop that answers per recipient, refuses such aliases with 451 4.3.0).
    /// </param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<RecipientVerdict> CheckAsync(string address, long? declaredSize, bool allowExternalTargets = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var resolution = await resolver.ResolveAsync(address, cancellationToken);
        switch (resolution.Status)
        {
            case RecipientStatus.NotLocal:
                return new RecipientVerdict(null, SmtpReplies.MailboxUnavailable) { IsRemote = true };
            case RecipientStatus.Unknown:
                return Refuse(SmtpReplies.MailboxUnavailable);
            case RecipientStatus.AliasLoop:
                return Refuse(DeliveryReplies.AliasLoop);
        }

        if (resolution.ExternalTargets.Count > 0 && !allowExternalTargets)
        {
            return Refuse(DeliveryReplies.ForwardingUnavailable);
        }

        var enabled = resolution.LocalRecipients.Where(r => !r.User.Disabled).ToList();
        if (enabled.Count == 0)
        {
            return resolution.ExternalTargets.Count > 0
                ? new RecipientVerdict(new AcceptedRecipient(address, [], resolution.ExternalTargets), null)
                : Refuse(DeliveryReplies.MailboxDisabled);
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
            : new RecipientVerdict(new AcceptedRecipient(address, enabled, resolution.ExternalTargets), null);
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
