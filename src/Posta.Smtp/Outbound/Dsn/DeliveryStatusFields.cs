using System.Globalization;
using System.Text;
using Posta.Mime.Headers;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Dsn;

/// <summary>
/// Writes the body of a message/delivery-status part (RFC 3464 §2): the per-message fields, then one
/// group of per-recipient fields for each recipient, groups separated by a blank line. In the
/// message/global-delivery-status form (RFC 6533 §6.2) addresses and diagnostic text may be UTF-8.
/// </summary>
internal static class DeliveryStatusFields
{
    // RFC 5322 §2.1.1: lines SHOULD stay within 78 characters; folding keeps them there where it can.
    private const int FoldColumn = 78;

    // RFC 5322 §2.1.1: lines MUST stay within 998 octets. A UTF-16 unit is at most three UTF-8 octets,
    // so a word of 300 units fits a line with its field name; a longer one is split.
    private const int MaxWord = 300;

    // An envelope ID written unfolded, as it came, must leave its line within 998 octets.
    private const int MaxRawEnvelopeId = 900;

    public static string Write(DeliveryReport report, bool global)
    {
        var text = new StringBuilder();

        // RFC 3464 §2.2.2: Reporting-MTA = mta-name-type ";" mta-name, "dns" for an Internet host name.
        Field(text, "Reporting-MTA", "dns; " + report.ReportingMta);

        // RFC 3464 §2.2.1: the ENVID, only when given, case and spelling preserved. RFC 3461 §4.4 keeps
        // the decoded ENVID to printable US-ASCII "due to limitations in the Delivery Status Notification
        // format", so it is written decoded, as Postfix and sendmail do. A value the SMTP parser would not
        // have let through (non-ASCII, or too long for a line) goes in xtext form rather than not at all.
        if (report.EnvelopeId is { } envelopeId)
        {
            if (envelopeId.Length <= MaxRawEnvelopeId && envelopeId.All(c => c is '\t' or (>= ' ' and <= '~')))
            {
                text.Append("Original-Envelope-Id: ").Append(envelopeId).Append("\r\n");
            }
            else
            {
                Field(text, "Original-Envelope-Id", Xtext.Encode(envelopeId));
            }
        }

        // RFC 3464 §2.2.5: when the reporting MTA received the message.
        Field(text, "Arrival-Date", MailDate.Format(report.ArrivalDate));

        foreach (var recipient in report.Recipients)
        {
            text.Append("\r\n");
            Recipient(text, recipient, global);
        }

        return text.ToString();
    }

    /// <summary>The Status field's value: the reply's enhanced code, else the class's generic code (RFC 3463 §3.1).</summary>
    public static EnhancedStatusCode Status(SmtpReply reply) => reply.Status ?? new EnhancedStatusCode(reply.Code / 100, 0, 0);

    /// <summary>The Action field's keyword (RFC 3464 §2.3.3).</summary>
    public static string ActionName(ReportAction action) => action switch
    {
        ReportAction.Failed => "failed",
        ReportAction.Delayed => "delayed",
        ReportAction.Delivered => "delivered",
        ReportAction.Relayed => "relayed",
        ReportAction.Expanded => "expanded",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an RFC 3464 action."),
    };

    /// <summary>
    /// "type; address" for Final-Recipient and Original-Recipient (RFC 3464 §2.3.1, §2.3.2): rfc822 for
    /// an ASCII address, utf-8 for one with UTF-8 (RFC 6533 §3), which only the global form carries raw.
    /// </summary>
    public static string TypedAddress(string address) =>
        (Ascii.IsValid(address) ? "rfc822; " : "utf-8; ") + address;

    /// <summary>
    /// The ORCPT value as "type; address". The queue keeps it as "type;address" (RFC 3461 §4.2, decoded);
    /// a value without a type is taken as an rfc822 address.
    /// </summary>
    public static string OriginalRecipient(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return semicolon <= 0
            ? TypedAddress(value.Trim())
            : value[..semicolon].Trim() + "; " + value[(semicolon + 1)..].Trim();
    }

    private static void Recipient(StringBuilder text, RecipientReport recipient, bool global)
    {
        if (recipient.OriginalRecipient is { } original)
        {
            Field(text, "Original-Recipient", OriginalRecipient(original));
        }

        Field(text, "Final-Recipient", TypedAddress(recipient.FinalRecipient));
        Field(text, "Action", ActionName(recipient.Action));
        Field(text, "Status", Status(recipient.Reply).ToString());

        // RFC 3464 §2.3.5: the MTA that gave the reply, when it was not this one.
        if (recipient.RemoteMta is { } remote)
        {
            Field(text, "Remote-MTA", "dns; " + remote);
        }

        // RFC 3464 §2.3.6: diagnostic-type "smtp", then the reply as the server sent it: code, enhanced
        // code when it had one, text (the lines of a multi-line reply joined by spaces).
        var reply = recipient.Reply;
        var diagnostic = reply.Status is { } status
            ? string.Create(CultureInfo.InvariantCulture, $"smtp; {reply.Code} {status} {reply.Text}")
            : string.Create(CultureInfo.InvariantCulture, $"smtp; {reply.Code} {reply.Text}");
        Field(text, "Diagnostic-Code", Printable(diagnostic, global));

        // RFC 3464 §2.3.7.
        if (recipient.LastAttempt is { } lastAttempt)
        {
            Field(text, "Last-Attempt-Date", MailDate.Format(lastAttempt));
        }
    }

    /// <summary>
    /// Controls become spaces (a CR or LF would start a field of its own); outside the global form,
    /// non-ASCII characters become "?", since message/delivery-status is 7bit (RFC 3464 §6.1).
    /// </summary>
    private static string Printable(string value, bool global)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : !global && c > '~' ? '?' : c);
        }

        return builder.ToString();
    }

    /// <summary>"Name: value", folded at spaces before column 78; words too long for a line are split.</summary>
    private static void Field(StringBuilder text, string name, string value)
    {
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"The {name} value holds a control character.", nameof(value));
        }

        text.Append(name).Append(':');
        var column = name.Length + 1;
        foreach (var word in Words(value))
        {
            if (column + 1 + word.Length > FoldColumn && column > name.Length + 1)
            {
                text.Append("\r\n");
                column = 0;
            }

            text.Append(' ').Append(word);
            column += 1 + word.Length;
        }

        text.Append("\r\n");
    }

    private static IEnumerable<string> Words(string value)
    {
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            while (start < word.Length)
            {
                var length = Math.Min(MaxWord, word.Length - start);
                if (start + length < word.Length && char.IsHighSurrogate(word[start + length - 1]))
                {
                    length--;
                }

                yield return word.Substring(start, length);
                start += length;
            }
        }
    }
}
