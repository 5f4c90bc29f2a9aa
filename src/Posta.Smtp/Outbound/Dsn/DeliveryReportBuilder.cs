using System.Globalization;
using System.Text;
using Posta.Mime.Addresses;
using Posta.Mime.Building;
using Posta.Mime.Headers;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Dsn;

/// <summary>
/// Composes delivery status notifications: an RFC 5322 message of type multipart/report;
/// report-type=delivery-status (RFC 6522) holding a text/plain explanation, the machine-readable
/// message/delivery-status (RFC 3464), and the original message or its header.
/// </summary>
/// <remarks>
/// What is returned of the original (RFC 3461 §4.3): for a report with a failed recipient, the whole
/// message unless the sender asked RET=HDRS; when the sender said nothing the choice is the MTA's, and
/// like Postfix (which returns it up to <c>bounce_size_limit</c>) the whole message goes back, up to
/// <see cref="MaxReturnedMessageSize"/>. A larger one, one with NUL octets or lines over 998 octets,
/// and every report without a failure (RFC 3461 §4.3: "only the headers of the message SHOULD be
/// returned") carry the header only. When an address, a host name or the original's header holds
/// UTF-8 (an SMTPUTF8 message), the parts take their RFC 6533 types: message/global-delivery-status
/// with the utf-8 address type, message/global or message/global-headers; such a report has 8-bit
/// octets and needs an SMTPUTF8 path, as the message it reports on did. A returned message with 8-bit
/// content is labelled 8bit and needs 8BITMIME.
/// </remarks>
/// <param name="timeProvider">The clock for the report's Date field.</param>
public sealed class DeliveryReportBuilder(TimeProvider timeProvider) : IDeliveryReportBuilder
{
    /// <summary>
    /// The default largest original returned whole: 10 MiB. Postfix's <c>bounce_size_limit</c> is
    /// 50 000 octets; a sender whose attachment bounced is better served by getting it back, and
    /// common message size limits (Postfix's <c>message_size_limit</c>, 10 240 000) are about this.
    /// </summary>
    public const int DefaultMaxReturnedMessageSize = 10 * 1024 * 1024;

    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>The largest original returned whole (0 to 1 GiB); a larger one is returned as its header only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or over 1 GiB: a report is composed in memory.</exception>
    public int MaxReturnedMessageSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1 << 30);
            field = value;
        }
    } = DefaultMaxReturnedMessageSize;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// The report has no recipients, a null reverse-path (RFC 5321 §4.5.5: no notification is ever
    /// sent to it) or a sender without a domain, or a value with control characters.
    /// </exception>
    public byte[] Build(DeliveryReport report, Stream originalContent)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(originalContent);
        Validate(report);

        var failed = report.Recipients.Any(r => r.Action == ReportAction.Failed);
        var (kind, returned) = OriginalContent.Read(originalContent, failed && report.Return != DsnReturn.Headers, MaxReturnedMessageSize);
        var originalIsGlobal = OriginalContent.HasEightBit(HeaderOf(kind, returned));
        var global = originalIsGlobal || NeedsUtf8(report);

        var status = DeliveryStatusFields.Write(report, global);
        BodyPart statusPart = global
            ? new MessagePart(Encoding.UTF8.GetBytes(status), "message/global-delivery-status")
            : new MessagePart(Encoding.ASCII.GetBytes(status), "message/delivery-status");
        BodyPart returnedPart = kind == OriginalContent.Kind.Message
            ? new MessagePart(returned, originalIsGlobal ? "message/global" : "message/rfc822")
            : originalIsGlobal
                ? new MessagePart(returned, "message/global-headers")
                : new AttachmentPart(returned, "text/rfc822-headers", fileName: null, disposition: null);

        var body = new MultipartPart("report", new TextPart(Explanation(report)), statusPart, returnedPart);
        body.Parameters.Add(new("report-type", "delivery-status"));

        var at = report.Sender.LastIndexOf('@');
        var message = new MessageBuilder
        {
            TimeProvider = _timeProvider,
            From = new MailboxAddress("Mail Delivery System", "MAILER-DAEMON", report.ReportingMta),
            Subject = Subject(report),
            MessageId = MessageIds.Generate(report.ReportingMta),
            Body = body,
        };
        message.To.Add(new MailboxAddress(null, report.Sender[..at], report.Sender[(at + 1)..]));

        // RFC 3834 §5: a notification sent in reply to a message is "auto-replied", so that
        // responders and list managers do not answer it in turn.
        message.Headers.Add(new("Auto-Submitted", "auto-replied"));
        return message.ToArray();
    }

    private static ReadOnlySpan<byte> HeaderOf(OriginalContent.Kind kind, byte[] returned)
    {
        if (kind == OriginalContent.Kind.Headers)
        {
            return returned;
        }

        var end = returned.AsSpan().IndexOf("\r\n\r\n"u8);
        return end < 0 ? returned : returned.AsSpan(0, end);
    }

    private static void Validate(DeliveryReport report)
    {
        if (report.Recipients.Count == 0)
        {
            throw new ArgumentException("A delivery report names at least one recipient (RFC 3464 §2).", nameof(report));
        }

        if (string.IsNullOrEmpty(report.Sender))
        {
            throw new ArgumentException("No delivery report goes to the null reverse-path (RFC 5321 §4.5.5).", nameof(report));
        }

        // RFC 5321 §4.1.2: a reverse-path mailbox always has a domain.
        var at = report.Sender.LastIndexOf('@');
        if (at <= 0 || at == report.Sender.Length - 1)
        {
            throw new ArgumentException("The sender is not a mailbox (local-part \"@\" domain).", nameof(report));
        }

        if (string.IsNullOrWhiteSpace(report.ReportingMta) || report.ReportingMta.Any(c => c <= ' ' || c is '<' or '>' or '@' or ';'))
        {
            throw new ArgumentException("The reporting MTA is a host name.", nameof(report));
        }

        IEnumerable<string?> values = [report.Sender, report.EnvelopeId,
            .. report.Recipients.SelectMany(r => new[] { r.FinalRecipient, r.OriginalRecipient, r.RemoteMta })];
        if (values.Any(v => v is not null && v.Any(char.IsControl)))
        {
            throw new ArgumentException("A delivery report's addresses, host names and envelope ID hold no control characters.", nameof(report));
        }
    }

    /// <summary>UTF-8 in an address or host name: only message/global-delivery-status carries it (RFC 6533 §3).</summary>
    private static bool NeedsUtf8(DeliveryReport report) =>
        !Ascii.IsValid(report.Sender) || !Ascii.IsValid(report.ReportingMta) || report.Recipients.Any(r =>
            !Ascii.IsValid(r.FinalRecipient) || (r.OriginalRecipient is { } o && !Ascii.IsValid(o)) || (r.RemoteMta is { } m && !Ascii.IsValid(m)));

    private static string Subject(DeliveryReport report) =>
        report.Recipients.Any(r => r.Action == ReportAction.Failed) ? "Undelivered Mail Returned to Sender"
        : report.Recipients.Any(r => r.Action == ReportAction.Delayed) ? "Delivery Status Notification (Delay)"
        : "Successful Mail Delivery Report";

    /// <summary>The human-readable part (RFC 6522 §3 (b)): what happened, to whom, and what the server said.</summary>
    private static string Explanation(DeliveryReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"This is the mail system at host {report.ReportingMta}.\n\n");
        Group(text, report, ReportAction.Failed,
            "Your message could not be delivered to the recipients below, and will not be\n"
            + "tried again. The message is attached to this report (or only its header, when\n"
            + "it was large or when you asked for headers only).");
        Group(text, report, ReportAction.Delayed,
            "Your message has not been delivered yet to the recipients below. The mail system\n"
            + "keeps trying; you do not need to send it again.");
        Group(text, report, ReportAction.Delivered, "Your message was delivered to the recipients below.");
        Group(text, report, ReportAction.Relayed,
            "Your message was passed on to the recipients below by a system that does not send\n"
            + "delivery notifications; you may not hear more about it.");
        Group(text, report, ReportAction.Expanded,
            "Your message was delivered to the recipients below, and forwarded from there to\n"
            + "further addresses.");
        text.Append("The technical details are in the delivery status part of this report.\n");
        return text.ToString();
    }

    private static void Group(StringBuilder text, DeliveryReport report, ReportAction action, string lead)
    {
        var recipients = report.Recipients.Where(r => r.Action == action).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        text.Append(lead).Append("\n\n");
        foreach (var recipient in recipients)
        {
            text.Append("  <").Append(recipient.FinalRecipient).Append(">: ");
            text.Append(recipient.RemoteMta is { } remote ? $"host {remote} said: " : "this system said: ");
            foreach (var c in recipient.Reply.ToString())
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }

            text.Append("\n\n");
        }
    }
}
