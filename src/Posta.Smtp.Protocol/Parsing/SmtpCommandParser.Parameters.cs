using System.Text;
using System.Text.Unicode;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>MAIL and RCPT: paths and ESMTP parameters.</summary>
public sealed partial class SmtpCommandParser
{
    /// <summary>RFC 1870 §3 (4): <c>size-value ::= 1*20DIGIT</c>.</summary>
    private const int MaxSizeDigits = 20;

    /// <summary>
    /// RFC 3461 §4.4: the ENVID "MAY be up to 100 characters in length". Counted on the decoded value,
    /// which is never longer than the xtext sent, so no reading of the RFC refuses a conforming client.
    /// </summary>
    private const int MaxEnvelopeIdLength = 100;

    /// <summary>
    /// RFC 3461 §4.2: "The entire ORCPT parameter MAY be up to 500 characters in length". Counted on the
    /// value as sent (addr-type ";" xtext), which errs on the side of accepting.
    /// </summary>
    private const int MaxOriginalRecipientLength = 500;

    /// <summary>The longest parameter or attribute name echoed in a reply.</summary>
    private const int MaxDetailLength = 32;

    private enum ParameterStatus
    {
        End,
        Parameter,
        MalformedKeyword,
        MalformedValue,
    }

    [Flags]
    private enum MailParameter
    {
        Size = 1 << 0,
        Body = 1 << 1,
        SmtpUtf8 = 1 << 2,
        Ret = 1 << 3,
        EnvId = 1 << 4,
        Auth = 1 << 5,
        RequireTls = 1 << 6,
    }

    [Flags]
    private enum RcptParameter
    {
        Notify = 1 << 0,
        Orcpt = 1 << 1,
    }

    /// <summary>RFC 5321 §4.1.1.2: <c>"MAIL FROM:" Reverse-path [SP Mail-parameters]</c>.</summary>
    private SmtpCommand Mail(ReadOnlySpan<byte> arguments)
    {
        var strict = _options.StrictPathSyntax;
        if (!StartsWithIgnoreCase(arguments, "FROM:"u8))
        {
            return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.InvalidArguments);
        }

        var position = PathStart(arguments, 5, strict);
        if (!SmtpGrammar.ReversePath(arguments, ref position, strict, out var path) || (position < arguments.Length && arguments[position] != (byte)' '))
        {
            return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.InvalidSenderAddress);
        }

        return MailParameterList(arguments[position..], path);
    }

    /// <summary>RFC 5321 §4.1.1.3: <c>"RCPT TO:" Forward-path [SP Rcpt-parameters]</c>.</summary>
    private SmtpCommand Rcpt(ReadOnlySpan<byte> arguments)
    {
        var strict = _options.StrictPathSyntax;
        if (!StartsWithIgnoreCase(arguments, "TO:"u8))
        {
            return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.InvalidArguments);
        }

        var position = PathStart(arguments, 3, strict);
        if (!SmtpGrammar.ForwardPath(arguments, ref position, strict, out var path) || (position < arguments.Length && arguments[position] != (byte)' '))
        {
            return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.InvalidRecipientAddress);
        }

        return RcptParameterList(arguments[position..], path);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    /// <summary>Where the path starts: right after the colon, or after spaces unless strict ("MAIL FROM: &lt;a@b&gt;").</summary>
    private static int PathStart(ReadOnlySpan<byte> arguments, int position, bool strict)
    {
        while (!strict && position < arguments.Length && arguments[position] == (byte)' ')
        {
            position++;
        }

        return position;
    }

    /// <summary><c>Mail-parameters = esmtp-param *(SP esmtp-param)</c>, each known at most once.</summary>
    private static SmtpCommand MailParameterList(ReadOnlySpan<byte> text, Mailbox? path)
    {
        MailParameter seen = 0;
        long? size = null;
        var body = BodyType.Unspecified;
        var ret = DsnReturn.Unspecified;
        string? envelopeId = null;
        string? auth = null;
        var position = 0;
        while (true)
        {
            var status = NextParameter(text, ref position, out var keywordRange, out var valueRange);
            if (status == ParameterStatus.End)
            {
                break;
            }

            if (status == ParameterStatus.MalformedKeyword)
            {
                return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.InvalidArguments);
            }

            var keyword = text[keywordRange];
            var value = valueRange is { } range ? text[range] : [];
            var hasValue = valueRange is not null;
            MailParameter parameter;
            bool valid;
            if (Ascii.EqualsIgnoreCase(keyword, "SIZE"u8))
            {
                parameter = MailParameter.Size;
                valid = Size(value, out var declared);
                size = declared;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "BODY"u8))
            {
                parameter = MailParameter.Body;
                body = Ascii.EqualsIgnoreCase(value, "7BIT"u8) ? BodyType.SevenBit
                    : Ascii.EqualsIgnoreCase(value, "8BITMIME"u8) ? BodyType.EightBitMime
                    : Ascii.EqualsIgnoreCase(value, "BINARYMIME"u8) ? BodyType.BinaryMime
                    : BodyType.Unspecified;
                valid = body != BodyType.Unspecified;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "SMTPUTF8"u8))
            {
                // RFC 6531 §3.4: "it MUST not accept a value".
                parameter = MailParameter.SmtpUtf8;
                valid = !hasValue;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "RET"u8))
            {
                parameter = MailParameter.Ret;
                ret = Ascii.EqualsIgnoreCase(value, "FULL"u8) ? DsnReturn.Full
                    : Ascii.EqualsIgnoreCase(value, "HDRS"u8) ? DsnReturn.Headers
                    : DsnReturn.Unspecified;
                valid = ret != DsnReturn.Unspecified;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "ENVID"u8))
            {
                // RFC 3461 §4.4: xtext of "printable (graphic and white space) characters from the US-ASCII
                // repertoire", at most 100 of them; it ends up in the DSN's Original-Envelope-Id field.
                parameter = MailParameter.EnvId;
                valid = Xtext.TryDecode(value, out var decoded) && hasValue && decoded.Length <= MaxEnvelopeIdLength && IsPrintableAscii(decoded);
                envelopeId = decoded;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "AUTH"u8))
            {
                // RFC 4954 §5: "AUTH=" xtext of a mailbox or "<>"; the mailbox is not checked further
                // (the session trusts it only from an authenticated client, §5 "Discussion").
                parameter = MailParameter.Auth;
                valid = Xtext.TryDecode(value, out var decoded) && decoded.Length > 0 && !HasControl(decoded);
                auth = decoded;
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "REQUIRETLS"u8))
            {
                // RFC 8689 §4.1: no value.
                parameter = MailParameter.RequireTls;
                valid = !hasValue;
            }
            else
            {
                return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.UnknownParameter, Detail(keyword));
            }

            if ((seen & parameter) != 0)
            {
                return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.DuplicateParameter, Detail(keyword));
            }

            if (!valid || status == ParameterStatus.MalformedValue)
            {
                return new InvalidCommand(SmtpVerb.Mail, SmtpCommandError.InvalidParameterValue, Detail(keyword));
            }

            seen |= parameter;
        }

        var parameters = seen == 0 ? MailParameters.None : new MailParameters
        {
            Size = size,
            Body = body,
            SmtpUtf8 = (seen & MailParameter.SmtpUtf8) != 0,
            Return = ret,
            EnvelopeId = envelopeId,
            Auth = auth,
            RequireTls = (seen & MailParameter.RequireTls) != 0,
        };
        return new MailCommand(path, parameters);
    }

    /// <summary><c>Rcpt-parameters = esmtp-param *(SP esmtp-param)</c>: NOTIFY and ORCPT (RFC 3461 §4.1, §4.2).</summary>
    private static SmtpCommand RcptParameterList(ReadOnlySpan<byte> text, Mailbox path)
    {
        RcptParameter seen = 0;
        var notify = DsnNotify.Unspecified;
        OriginalRecipient? original = null;
        var position = 0;
        while (true)
        {
            var status = NextParameter(text, ref position, out var keywordRange, out var valueRange);
            if (status == ParameterStatus.End)
            {
                break;
            }

            if (status == ParameterStatus.MalformedKeyword)
            {
                return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.InvalidArguments);
            }

            var keyword = text[keywordRange];
            var value = valueRange is { } range ? text[range] : [];
            RcptParameter parameter;
            bool valid;
            if (Ascii.EqualsIgnoreCase(keyword, "NOTIFY"u8))
            {
                parameter = RcptParameter.Notify;
                valid = Notify(value, out notify);
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "ORCPT"u8))
            {
                parameter = RcptParameter.Orcpt;
                valid = OriginalRecipientAddress(value, out original);
            }
            else
            {
                return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.UnknownParameter, Detail(keyword));
            }

            if ((seen & parameter) != 0)
            {
                return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.DuplicateParameter, Detail(keyword));
            }

            if (!valid || status == ParameterStatus.MalformedValue)
            {
                return new InvalidCommand(SmtpVerb.Rcpt, SmtpCommandError.InvalidParameterValue, Detail(keyword));
            }

            seen |= parameter;
        }

        var parameters = seen == 0 ? RcptParameters.None : new RcptParameters { Notify = notify, OriginalRecipient = original };
        return new RcptCommand(path, parameters);
    }

    /// <summary>
    /// The next <c>esmtp-param</c> after one or more spaces (RFC 5321 says one; clients pad).
    /// <see cref="ParameterStatus.MalformedValue"/> still returns the keyword, for the reply.
    /// </summary>
    private static ParameterStatus NextParameter(ReadOnlySpan<byte> text, ref int position, out Range keyword, out Range? value)
    {
        keyword = default;
        value = null;
        var start = position;
        while (position < text.Length && text[position] == (byte)' ')
        {
            position++;
        }

        if (position == text.Length)
        {
            return ParameterStatus.End;
        }

        // Parameters are separated by SP: the first one needs it too ("<a@b>SIZE=1" is not a path).
        if (position == start)
        {
            return ParameterStatus.MalformedKeyword;
        }

        if (!SmtpGrammar.EsmtpParam(text, ref position, out keyword, out value))
        {
            if (keyword.Start.Value == keyword.End.Value)
            {
                return ParameterStatus.MalformedKeyword;
            }

            SkipToSpace(text, ref position);
            return ParameterStatus.MalformedValue;
        }

        if (position < text.Length && text[position] != (byte)' ')
        {
            SkipToSpace(text, ref position);
            return value is null ? ParameterStatus.MalformedKeyword : ParameterStatus.MalformedValue;
        }

        return ParameterStatus.Parameter;
    }

    private static void SkipToSpace(ReadOnlySpan<byte> text, ref int position)
    {
        var space = text[position..].IndexOf((byte)' ');
        position = space < 0 ? text.Length : position + space;
    }

    /// <summary>RFC 1870: 1 to 20 digits; beyond <see cref="long.MaxValue"/> it saturates (too big for any limit anyway).</summary>
    private static bool Size(ReadOnlySpan<byte> value, out long? size)
    {
        size = null;
        if (value.IsEmpty || value.Length > MaxSizeDigits || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        long result = 0;
        foreach (var digit in value)
        {
            var d = digit - '0';
            result = result > (long.MaxValue - d) / 10 ? long.MaxValue : (result * 10) + d;
        }

        size = result;
        return true;
    }

    /// <summary>
    /// RFC 3461 §4.1: <c>"NEVER" / 1#notify-list-element</c>, any case (note b). "NEVER MUST appear by
    /// itself" (note a). The <c>1#</c> list is RFC 822 §2.7's, where null elements ("SUCCESS,,DELAY",
    /// "FAILURE,") are allowed and not counted, as Postfix and Dovecot read it too; at least one
    /// element is required.
    /// </summary>
    private static bool Notify(ReadOnlySpan<byte> value, out DsnNotify notify)
    {
        notify = DsnNotify.Unspecified;
        if (Ascii.EqualsIgnoreCase(value, "NEVER"u8))
        {
            notify = DsnNotify.Never;
            return true;
        }

        foreach (var range in value.Split((byte)','))
        {
            var item = value[range];
            if (item.IsEmpty)
            {
                continue;
            }

            var flag = Ascii.EqualsIgnoreCase(item, "SUCCESS"u8) ? DsnNotify.Success
                : Ascii.EqualsIgnoreCase(item, "FAILURE"u8) ? DsnNotify.Failure
                : Ascii.EqualsIgnoreCase(item, "DELAY"u8) ? DsnNotify.Delay
                : DsnNotify.Unspecified;

            // Anything else, NEVER in a list included, is not the grammar.
            if (flag == DsnNotify.Unspecified)
            {
                return false;
            }

            notify |= flag;
        }

        return notify != DsnNotify.Unspecified;
    }

    /// <summary>
    /// RFC 3461 §4.2: <c>original-recipient-address = addr-type ";" xtext</c>, <c>addr-type = atom</c>.
    /// For "utf-8" (RFC 6533 §3) the value is a utf-8-addr-xtext or utf-8-addr-unitext, with
    /// "\x{HEX}" escapes.
    /// </summary>
    private static bool OriginalRecipientAddress(ReadOnlySpan<byte> value, out OriginalRecipient? original)
    {
        original = null;
        if (value.Length > MaxOriginalRecipientLength)
        {
            return false;
        }

        var semicolon = value.IndexOf((byte)';');
        if (semicolon <= 0)
        {
            return false;
        }

        var type = value[..semicolon];
        foreach (var b in type)
        {
            if (!SmtpCharacters.IsAtext(b))
            {
                return false;
            }
        }

        var encoded = value[(semicolon + 1)..];
        string address;
        if (Ascii.EqualsIgnoreCase(type, "utf-8"u8))
        {
            if (!Utf8Address(encoded, out address))
            {
                return false;
            }
        }
        else if (!Xtext.TryDecode(encoded, out address))
        {
            return false;
        }

        if (address.Length == 0 || HasControl(address))
        {
            return false;
        }

        original = new OriginalRecipient(Encoding.ASCII.GetString(type), address);
        return true;
    }

    /// <summary>
    /// RFC 6533 §3: <c>EmbeddedUnicodeChar = %x5C.78 "{" HEXPOINT "}"</c> decoded, raw UTF-8
    /// (unitext) kept; xtext "+HH" is decoded too, since some senders apply it on top.
    /// </summary>
    private static bool Utf8Address(ReadOnlySpan<byte> encoded, out string address)
    {
        address = string.Empty;
        var decoded = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'\\' && i + 3 < encoded.Length && encoded[i + 1] == (byte)'x' && encoded[i + 2] == (byte)'{')
            {
                var close = encoded[(i + 3)..].IndexOf((byte)'}');
                if (close is < 1 or > 6)
                {
                    return false;
                }

                var scalar = 0;
                foreach (var hex in encoded.Slice(i + 3, close))
                {
                    if (!SmtpCharacters.IsHexDigit(hex))
                    {
                        return false;
                    }

                    scalar = (scalar << 4) | SmtpCharacters.HexValue(hex);
                }

                if (!Rune.IsValid(scalar))
                {
                    return false;
                }

                length += new Rune(scalar).EncodeToUtf8(decoded.AsSpan(length));
                i += close + 3;
            }
            else if (b == (byte)'+' && i + 2 < encoded.Length && SmtpCharacters.IsHexDigit(encoded[i + 1]) && SmtpCharacters.IsHexDigit(encoded[i + 2]))
            {
                decoded[length++] = (byte)((SmtpCharacters.HexValue(encoded[i + 1]) << 4) | SmtpCharacters.HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                decoded[length++] = b;
            }
        }

        if (!Utf8.IsValid(decoded.AsSpan(0, length)))
        {
            return false;
        }

        address = Encoding.UTF8.GetString(decoded, 0, length);
        return true;
    }

    /// <summary>Graphic US-ASCII and white space (SP, HTAB), as RFC 3461 §4.4 asks of the ENVID.</summary>
    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is (< ' ' and not '\t') or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>C0 and C1 controls and DEL: never allowed in values that end up in headers or logs.</summary>
    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parameter or attribute name for a reply: ASCII letters, digits and "-" only, upper-cased, short.</summary>
    private static string Detail(ReadOnlySpan<byte> name)
    {
        name = name[..Math.Min(name.Length, MaxDetailLength)];
        Span<char> chars = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            chars[i] = SmtpCharacters.IsLetDig(b) || b == (byte)'-' ? char.ToUpperInvariant((char)b) : '?';
        }

        return new string(chars);
    }
}
