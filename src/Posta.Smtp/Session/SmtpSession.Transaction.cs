using System.Data.Common;
using Posta.Directory;
using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Storage;

namespace Posta.Smtp.Session;

/// <summary>MAIL and RCPT: who sends, who receives, and whether this server takes the message.</summary>
internal sealed partial class SmtpSession
{
    private async ValueTask MailAsync(MailCommand mail)
    {
        var parameters = mail.Parameters;
        var unsupported = parameters switch
        {
            // Not offered: binary content would need BINARY everywhere it is read.
            { Body: BodyType.BinaryMime } => "BODY=BINARYMIME",
            { RequireTls: true } when !_info.IsTlsActive => "REQUIRETLS",
            _ => null,
        };
        if (unsupported is not null)
        {
            await RefuseAsync(SmtpReplies.UnknownParameter.WithText($"Unsupported option: {unsupported}"));
            return;
        }

        if (_kind == SmtpListenerKind.Submission && _account is null)
        {
            // A client that may not send credentials in the clear is told what unlocks AUTH.
            await RefuseAsync(MayUsePlaintext() ? SmtpReplies.NeedAuth : SmtpReplies.MustStartTls);
            return;
        }

        if (parameters.Size > _options.Delivery.MaxMessageSize)
        {
            // RFC 1870 §6.1: a declared size above the fixed limit is refused at MAIL.
            await RefuseAsync(SmtpReplies.MessageTooBig);
            return;
        }

        if (mail.ReversePath is { IsUtf8: true } && !parameters.SmtpUtf8)
        {
            await RefuseAsync(SmtpReplies.NonAsciiSender);
            return;
        }

        if (_kind == SmtpListenerKind.Submission && mail.ReversePath is { } sender)
        {
            bool owned;
            try
            {
                owned = await _services.SenderOwnership.IsOwnedAsync(sender.ToString(), _account!);
            }
            catch (Exception e) when (e is IOException or DbException or StorageException)
            {
                Log.LookupFailed(_logger, sender.ToString(), e);
                Write(SmtpReplies.LocalError);
                return;
            }

            if (!owned)
            {
                Log.SenderRefused(_logger, Describe(Client), sender.ToString(), _account!);
                await RefuseAsync(SmtpReplies.SenderNotOwned.WithText($"<{sender}>: Sender address rejected: not owned by user {_account}"));
                return;
            }
        }

        Transaction = new SmtpTransaction(SmtpInput.NewId(), mail.ReversePath, parameters);
        Accept(mail, SmtpReplies.SenderOk);
    }

    private async ValueTask RcptAsync(RcptCommand rcpt)
    {
        var transaction = Transaction!;
        if (transaction.Recipients.Count >= _options.Delivery.MaxRecipients)
        {
            // RFC 5321 §4.5.3.1.10: 452 so the client sends the rest in another transaction.
            Write(SmtpReplies.TooManyRecipients);
            return;
        }

        var path = rcpt.ForwardPath;
        if (path.IsUtf8 && !transaction.Parameters.SmtpUtf8)
        {
            await RefuseAsync(SmtpReplies.NonAsciiRecipient);
            return;
        }

        // <Postmaster> and other unqualified addresses belong to this host (RFC 5321 §4.1.1.3).
        var address = path.Domain.Length == 0 ? path.LocalPart + "@" + _options.Delivery.Hostname : path.ToString();
        RecipientVerdict verdict;
        try
        {
            verdict = await _services.Recipients.CheckAsync(address, transaction.Parameters.Size, allowExternalTargets: true);
        }
        catch (Exception e) when (e is IOException or DbException or StorageException)
        {
            Log.LookupFailed(_logger, address, e);
            Write(SmtpReplies.LocalError);
            return;
        }

        SmtpRecipient recipient;
        if (verdict.Accepted is { } accepted)
        {
            recipient = new SmtpRecipient(address, rcpt.Parameters, accepted.Users, accepted.ExternalTargets);
        }
        else if (verdict.IsRemote && _kind == SmtpListenerKind.Submission)
        {
            // An authenticated user may send anywhere: the queue takes it.
            recipient = new SmtpRecipient(address, rcpt.Parameters, [], [address]);
        }
        else
        {
            var rejection = verdict.IsRemote ? SmtpReplies.RelayDenied : verdict.Rejection!;
            Log.RecipientRefused(_logger, Describe(Client), address, rejection.ToString());
            await RefuseAsync(rejection.WithText($"<{address}>: {rejection.Text}"));
            return;
        }

        transaction.Recipients.Add(recipient);
        Accept(rcpt, SmtpReplies.RecipientOk.WithText($"<{address}> Ok"));
    }
}
