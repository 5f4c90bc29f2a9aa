using System.Buffers;
using System.Globalization;
using System.Text;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// Spells MAIL FROM and RCPT TO with their parameters, and checks each line with Posta's own
/// command parser before it may be sent: a line the parser does not read back as exactly one
/// command of the right verb (an address holding CR or LF, a bad quoted local part, a line over
/// RFC 5321's limits) is refused locally instead of reaching the server.
/// </summary>
internal static class EnvelopeCommands
{
    /// <summary>RFC 3461 §4.4: the ENVID value is at most 100 characters.</summary>
    private const int MaxEnvelopeIdLength = 100;

    /// <summary>RFC 3461 §4.2: the ORCPT value is at most 500 characters.</summary>
    private const int MaxOriginalRecipientLength = 500;

    /// <summary>553 5.1.7 (RFC 3463 X.1.7 "bad sender's mailbox address syntax").</summary>
    private static readonly SmtpReply BadSender = new(553, new EnhancedStatusCode(5, 1, 7), "Sender address rejected locally: not a valid RFC 5321 address");

    /// <summary>553 5.1.3 (RFC 3463 X.1.3 "bad destination mailbox address syntax").</summary>
    private static readonly SmtpReply BadRecipient = new(553, new EnhancedStatusCode(5, 1, 3), "Recipient address rejected locally: not a valid RFC 5321 address");

    /// <summary>501 5.5.4 (RFC 3463 X.5.4 "invalid command arguments").</summary>
    private static readonly SmtpReply BadParameter = new(501, new EnhancedStatusCode(5, 5, 4), "Parameter rejected locally");

    /// <summary>
    /// The MAIL FROM line. Parameters go only where the server offered their extension:
    /// SIZE (RFC 1870), BODY (RFC 6152 §3; BODY=7BIT too), SMTPUTF8 (RFC 6531), REQUIRETLS
    /// (RFC 8689), RET and ENVID (RFC 3461, when <paramref name="dsn"/>).
    /// </summary>
    /// <returns>The line, or null with the local refusal in <paramref name="refusal"/>.</returns>
    public static byte[]? Mail(Envelope envelope, ServerCapabilities capabilities, long? size, bool smtpUtf8, bool dsn, out SmtpReply? refusal)
    {
        var line = new StringBuilder(128).Append("MAIL FROM:<").Append(envelope.Sender).Append('>');
        if (!IsPathAlone(line, SmtpVerb.Mail))
        {
            refusal = BadSender;
            return null;
        }

        if (capabilities.MaxMessageSize is not null && size is { } known)
        {
            line.Append(CultureInfo.InvariantCulture, $" SIZE={known}");
        }

        var body = envelope.Body switch
        {
            BodyType.SevenBit when capabilities.EightBitMime => "7BIT",
            BodyType.EightBitMime => "8BITMIME",
            BodyType.BinaryMime => "BINARYMIME",
            _ => null,
        };
        if (body is not null)
        {
            line.Append(" BODY=").Append(body);
        }

        if (smtpUtf8)
        {
            line.Append(" SMTPUTF8");
        }

        if (envelope.RequireTls)
        {
            line.Append(" REQUIRETLS");
        }

        if (dsn)
        {
            if (envelope.Return != DsnReturn.Unspecified)
            {
                line.Append(" RET=").Append(envelope.Return == DsnReturn.Full ? "FULL" : "HDRS");
            }

            if (envelope.EnvelopeId is { } id)
            {
                var encoded = Xtext.Encode(id);
                if (encoded.Length == 0 || encoded.Length > MaxEnvelopeIdLength)
                {
                    refusal = BadParameter.WithText($"ENVID rejected locally: 1 to {MaxEnvelopeIdLength} characters once xtext-encoded (RFC 3461 §4.4)");
                    return null;
                }

                line.Append(" ENVID=").Append(encoded);
            }
        }

        var bytes = Line(line);
        switch (Check(bytes, SmtpVerb.Mail, out _))
        {
            case null:
                refusal = null;
                return bytes;
            case SmtpCommandError.InvalidSenderAddress:
                refusal = BadSender;
                return null;
            default:
                refusal = BadParameter;
                return null;
        }
    }

    /// <summary>The RCPT TO line, with NOTIFY and ORCPT (RFC 3461 §4.1, §4.2) when <paramref name="dsn"/>.</summary>
    /// <returns>The line, or null with the local refusal in <paramref name="refusal"/>.</returns>
    public static byte[]? Rcpt(EnvelopeRecipient recipient, bool dsn, out SmtpReply? refusal)
    {
        var line = new StringBuilder(64).Append("RCPT TO:<").Append(recipient.Address).Append('>');
        if (!IsPathAlone(line, SmtpVerb.Rcpt))
        {
            refusal = BadRecipient;
            return null;
        }

        if (dsn && recipient.Notify != DsnNotify.Unspecified)
        {
            line.Append(" NOTIFY=").Append(Notify(recipient.Notify));
        }

        if (dsn && recipient.OriginalRecipient is { } original)
        {
            var value = OriginalRecipient(original);
            if (value.Length > MaxOriginalRecipientLength)
            {
                refusal = BadParameter.WithText($"ORCPT rejected locally: more than {MaxOriginalRecipientLength} characters (RFC 3461 §4.2)");
                return null;
            }

            line.Append(" ORCPT=").Append(value);
        }

        var bytes = Line(line);
        switch (Check(bytes, SmtpVerb.Rcpt, out _))
        {
            case null:
                refusal = null;
                return bytes;
            case SmtpCommandError.InvalidRecipientAddress:
                refusal = BadRecipient;
                return null;
            default:
                refusal = BadParameter;
                return null;
        }
    }

    /// <summary>
    /// RFC 3461 §4.2 <c>addr-type ";" xtext</c>. A non-ASCII address, or the "utf-8" type, is
    /// spelled as RFC 6533 §3's utf-8-addr-xtext: every character but QCHAR as "\x{HEX}", which
    /// needs no SMTPUTF8.
    /// </summary>
    internal static string OriginalRecipient(OriginalRecipient original)
    {
        var utf8 = original.AddressType.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || !Ascii.IsValid(original.Address);
        if (!utf8)
        {
            return string.Concat(original.AddressType, ";", Xtext.Encode(original.Address));
        }

        var value = new StringBuilder("utf-8;", original.Address.Length + 16);
        foreach (var rune in original.Address.EnumerateRunes())
        {
            // QCHAR = %x21-2a / %x2c-3c / %x3e-5b / %x5d-7e: printable ASCII but "+", "=" and "\".
            if (rune.Value is >= 0x21 and <= 0x7E and not '+' and not '=' and not '\\')
            {
                value.Append((char)rune.Value);
            }
            else
            {
                value.Append(CultureInfo.InvariantCulture, $"\\x{{{rune.Value:X}}}");
            }
        }

        return value.ToString();
    }

    private static string Notify(DsnNotify notify)
    {
        if ((notify & DsnNotify.Never) != 0)
        {
            return "NEVER";
        }

        var names = new List<string>(3);
        if ((notify & DsnNotify.Success) != 0)
        {
            names.Add("SUCCESS");
        }

        if ((notify & DsnNotify.Failure) != 0)
        {
            names.Add("FAILURE");
        }

        if ((notify & DsnNotify.Delay) != 0)
        {
            names.Add("DELAY");
        }

        return string.Join(',', names);
    }

    private static byte[] Line(StringBuilder line) => Encoding.UTF8.GetBytes(line.Append("\r\n").ToString());

    /// <summary>
    /// True when "VERB:&lt;address&gt;" alone reads back as a command without parameters: an
    /// address cannot smuggle in a "&gt;" and parameters of its own ("a@b&gt; NOTIFY=NEVER").
    /// </summary>
    private static bool IsPathAlone(StringBuilder command, SmtpVerb verb)
    {
        var line = Encoding.UTF8.GetBytes(command.ToString() + "\r\n");
        return Check(line, verb, out var parsed) is null && parsed switch
        {
            MailCommand mail => ReferenceEquals(mail.Parameters, MailParameters.None),
            RcptCommand rcpt => ReferenceEquals(rcpt.Parameters, RcptParameters.None),
            _ => false,
        };
    }

    /// <summary>Null when the parser reads <paramref name="line"/> back as one command of <paramref name="verb"/>; else the error.</summary>
    private static SmtpCommandError? Check(byte[] line, SmtpVerb verb, out SmtpCommand command)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(line));
        var status = SmtpCommandParser.Default.TryParse(ref reader, out command);
        if (status == OperationStatus.Done && reader.End && command.Verb == verb)
        {
            return null;
        }

        return command is InvalidCommand { Error: not SmtpCommandError.None } invalid ? invalid.Error : SmtpCommandError.InvalidArguments;
    }
}
