using Posta.Mime.Addresses;
using Posta.Mime.Headers;
using Posta.Mime.Reading;

namespace Posta.Mime.Imap;

/// <summary>
/// The ENVELOPE of a message or encapsulated message (RFC 3501 §7.4.2, RFC 9051 §7.5.2): header values
/// unfolded but not decoded, addresses parsed into (name adl mailbox host).
/// </summary>
/// <remarks>
/// Where a field occurs more than once the last occurrence counts, except that the addresses of
/// repeated address fields (From, Sender, Reply-To, To, Cc, Bcc) are joined in order, so no recipient
/// drops out of view: both as in Dovecot. A mailbox without a domain gets the host "MISSING_DOMAIN"
/// (and one without a local part the mailbox "MISSING_MAILBOX"), Dovecot's convention, because a NIL
/// host would read as the start of a group. The display name of a bare addr-spec followed by a comment
/// is the comment, as in Dovecot.
/// </remarks>
public static class ImapEnvelope
{
    private static readonly ImapString MissingDomain = new("MISSING_DOMAIN");
    private static readonly ImapString MissingMailbox = new("MISSING_MAILBOX");

    /// <summary>Builds the envelope of <paramref name="message"/>, a top-level part or an encapsulated message's top.</summary>
    public static ImapList Build(MimePart message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        var from = AddressList(headers.GetAll("From"));
        var sender = AddressList(headers.GetAll("Sender")) ?? from;
        var replyTo = AddressList(headers.GetAll("Reply-To")) ?? from;
        return new ImapList(
        [
            NString(headers.GetLast("Date")),
            NString(headers.GetLast("Subject")),
            (ImapValue?)from ?? ImapNil.Instance,
            (ImapValue?)sender ?? ImapNil.Instance,
            (ImapValue?)replyTo ?? ImapNil.Instance,
            (ImapValue?)AddressList(headers.GetAll("To")) ?? ImapNil.Instance,
            (ImapValue?)AddressList(headers.GetAll("Cc")) ?? ImapNil.Instance,
            (ImapValue?)AddressList(headers.GetAll("Bcc")) ?? ImapNil.Instance,
            NString(headers.GetLast("In-Reply-To")),
            NString(headers.GetLast("Message-ID")),
        ]);
    }

    /// <summary>An envelope of ten NILs, for a message/rfc822 part whose content could not be read in place.</summary>
    public static ImapList Empty { get; } = new(Enumerable.Repeat<ImapValue>(ImapNil.Instance, 10).ToArray());

    internal static ImapValue NString(Header? header) => header is null ? ImapNil.Instance : new ImapString(header.GetUnfoldedValue());

    private static ImapList? AddressList(IEnumerable<Header> fields)
    {
        var items = new List<ImapValue>();
        foreach (var address in fields.SelectMany(field => AddressParser.Parse(field.RawValue.Span)))
        {
            if (address is MailboxAddress mailbox)
            {
                items.Add(Mailbox(mailbox));
            }
            else if (address is GroupAddress group)
            {
                items.Add(new ImapList([ImapNil.Instance, ImapNil.Instance, new ImapString(group.RawName), ImapNil.Instance]));
                foreach (var member in group.Members)
                    items.Add(Mailbox(member));
                items.Add(new ImapList([ImapNil.Instance, ImapNil.Instance, ImapNil.Instance, ImapNil.Instance]));
            }
        }

        return items.Count == 0 ? null : new ImapList(items, leadingListsAdjacent: true);
    }

    private static ImapList Mailbox(MailboxAddress mailbox)
    {
        ImapValue name = ImapNil.Instance;
        if (!mailbox.RawDisplayName.IsEmpty)
            name = new ImapString(mailbox.RawDisplayName);
        else if (mailbox.RawComment is { IsEmpty: false } comment)
            name = new ImapString(comment);
        ImapValue route = mailbox.Route is null ? ImapNil.Instance : new ImapString(mailbox.Route);
        ImapValue local = mailbox.RawLocalPart.IsEmpty ? MissingMailbox : new ImapString(mailbox.RawLocalPart);
        ImapValue host = mailbox.RawDomain is { IsEmpty: false } domain ? new ImapString(domain) : MissingDomain;
        return new ImapList([name, route, local, host]);
    }
}
