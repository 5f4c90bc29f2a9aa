using System.Text;
using System.Text.Unicode;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>Command words and the commands without parameters lists.</summary>
public sealed partial class SmtpCommandParser
{
    /// <summary>RFC 4422 §3.1: a mechanism name is 1 to 20 characters.</summary>
    private const int MaxMechanismLength = 20;

    /// <summary>RFC 3030 §2: chunk-size = 1*DIGIT; 18 digits always fit a long.</summary>
    private const int MaxChunkSizeDigits = 18;

    /// <summary>Maps a command word, in any case, to its verb.</summary>
    internal static SmtpVerb Identify(ReadOnlySpan<byte> word) => word.Length switch
    {
        4 when Ascii.EqualsIgnoreCase(word, "MAIL"u8) => SmtpVerb.Mail,
        4 when Ascii.EqualsIgnoreCase(word, "RCPT"u8) => SmtpVerb.Rcpt,
        4 when Ascii.EqualsIgnoreCase(word, "DATA"u8) => SmtpVerb.Data,
        4 when Ascii.EqualsIgnoreCase(word, "EHLO"u8) => SmtpVerb.Ehlo,
        4 when Ascii.EqualsIgnoreCase(word, "HELO"u8) => SmtpVerb.Helo,
        4 when Ascii.EqualsIgnoreCase(word, "LHLO"u8) => SmtpVerb.Lhlo,
        4 when Ascii.EqualsIgnoreCase(word, "BDAT"u8) => SmtpVerb.Bdat,
        4 when Ascii.EqualsIgnoreCase(word, "RSET"u8) => SmtpVerb.Rset,
        4 when Ascii.EqualsIgnoreCase(word, "NOOP"u8) => SmtpVerb.Noop,
        4 when Ascii.EqualsIgnoreCase(word, "QUIT"u8) => SmtpVerb.Quit,
        4 when Ascii.EqualsIgnoreCase(word, "VRFY"u8) => SmtpVerb.Vrfy,
        4 when Ascii.EqualsIgnoreCase(word, "EXPN"u8) => SmtpVerb.Expn,
        4 when Ascii.EqualsIgnoreCase(word, "HELP"u8) => SmtpVerb.Help,
        4 when Ascii.EqualsIgnoreCase(word, "AUTH"u8) => SmtpVerb.Auth,
        7 when Ascii.EqualsIgnoreCase(word, "XCLIENT"u8) => SmtpVerb.XClient,
        8 when Ascii.EqualsIgnoreCase(word, "STARTTLS"u8) => SmtpVerb.StartTls,
        _ => SmtpVerb.Unknown,
    };

    /// <summary>
    /// Commands of RFC 5321 and registered extensions that this server does not implement: they
    /// get 502 rather than 500, so the client knows the word was understood.
    /// </summary>
    private static bool IsUnimplemented(ReadOnlySpan<byte> word) =>
        Ascii.EqualsIgnoreCase(word, "TURN"u8) || Ascii.EqualsIgnoreCase(word, "ETRN"u8) || Ascii.EqualsIgnoreCase(word, "ATRN"u8)
        || Ascii.EqualsIgnoreCase(word, "SEND"u8) || Ascii.EqualsIgnoreCase(word, "SOML"u8) || Ascii.EqualsIgnoreCase(word, "SAML"u8)
        || Ascii.EqualsIgnoreCase(word, "BURL"u8) || Ascii.EqualsIgnoreCase(word, "VERB"u8) || Ascii.EqualsIgnoreCase(word, "XFORWARD"u8);

    /// <summary>Postfix's smtpd_forbidden_commands default: HTTP and proxy requests sent to an SMTP port.</summary>
    private static bool IsForbidden(ReadOnlySpan<byte> word) =>
        Ascii.EqualsIgnoreCase(word, "GET"u8) || Ascii.EqualsIgnoreCase(word, "POST"u8) || Ascii.EqualsIgnoreCase(word, "CONNECT"u8);

    /// <summary>Parses a line's content: <c>verb [SP arguments]</c>.</summary>
    private SmtpCommand Command(ReadOnlySpan<byte> content)
    {
        var space = content.IndexOf((byte)' ');
        var word = space < 0 ? content : content[..space];
        var arguments = space < 0 ? [] : Trim(content[(space + 1)..]);
        var verb = Identify(word);
        return verb switch
        {
            SmtpVerb.Ehlo or SmtpVerb.Helo or SmtpVerb.Lhlo => Hello(verb, arguments),
            SmtpVerb.Mail => Mail(arguments),
            SmtpVerb.Rcpt => Rcpt(arguments),
            SmtpVerb.Data => NoArguments(verb, arguments, DataCommand.Instance),
            SmtpVerb.Rset => NoArguments(verb, arguments, RsetCommand.Instance),
            SmtpVerb.Quit => NoArguments(verb, arguments, QuitCommand.Instance),
            SmtpVerb.StartTls => NoArguments(verb, arguments, StartTlsCommand.Instance),
            SmtpVerb.Noop => NoopCommand.Instance,
            SmtpVerb.Help => new HelpCommand(arguments.IsEmpty ? null : Text(arguments)),
            SmtpVerb.Vrfy => Vrfy(arguments),
            SmtpVerb.Bdat => Bdat(arguments),
            SmtpVerb.Auth => Auth(arguments),
            SmtpVerb.XClient => XClient(arguments),
            SmtpVerb.Expn => new InvalidCommand(verb, SmtpCommandError.NotImplemented),
            _ when IsForbidden(word) => new InvalidCommand(verb, SmtpCommandError.NonSmtpCommand),
            _ when IsUnimplemented(word) => new InvalidCommand(verb, SmtpCommandError.NotImplemented),
            _ => new InvalidCommand(verb, SmtpCommandError.UnrecognizedCommand),
        };
    }

    /// <summary>Leading spaces and trailing spaces and tabs: clients pad, and RFC 5321 §4.1.1 asks servers to tolerate it.</summary>
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.TrimStart((byte)' ').TrimEnd(" \t"u8);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static SmtpCommand NoArguments(SmtpVerb verb, ReadOnlySpan<byte> arguments, SmtpCommand command) =>
        arguments.IsEmpty ? command : new InvalidCommand(verb, SmtpCommandError.InvalidArguments);

    /// <summary>
    /// EHLO, HELO, LHLO: any non-empty argument is accepted and classified; RFC 6531 §3.7.1 keeps
    /// EHLO ASCII, so a U-label makes it <see cref="HelloIdentityKind.Invalid"/>.
    /// </summary>
    private static SmtpCommand Hello(SmtpVerb verb, ReadOnlySpan<byte> arguments)
    {
        if (arguments.IsEmpty)
        {
            return new InvalidCommand(verb, SmtpCommandError.InvalidArguments);
        }

        var kind = HelloIdentityKind.Invalid;
        System.Net.IPAddress? address = null;
        var position = 0;
        if (arguments[0] == (byte)'[')
        {
            if (SmtpGrammar.AddressLiteral(arguments, ref position, out address) && position == arguments.Length)
            {
                kind = HelloIdentityKind.AddressLiteral;
            }
            else
            {
                address = null;
            }
        }
        else if (SmtpGrammar.Domain(arguments, ref position, allowUtf8: false) && position == arguments.Length)
        {
            kind = HelloIdentityKind.Domain;
        }

        var identity = Text(arguments);
        return verb switch
        {
            SmtpVerb.Ehlo => new EhloCommand(identity, kind, address),
            SmtpVerb.Helo => new HeloCommand(identity, kind, address),
            _ => new LhloCommand(identity, kind, address),
        };
    }

    /// <summary>RFC 6531 §3.7.4.2: <c>"VRFY" SP String [ SP "SMTPUTF8" ] CRLF</c>.</summary>
    private static SmtpCommand Vrfy(ReadOnlySpan<byte> arguments)
    {
        var smtpUtf8 = false;
        var lastSpace = arguments.LastIndexOf((byte)' ');
        if (lastSpace > 0 && Ascii.EqualsIgnoreCase(arguments[(lastSpace + 1)..], "SMTPUTF8"u8))
        {
            smtpUtf8 = true;
            arguments = arguments[..lastSpace].TrimEnd((byte)' ');
        }

        if (arguments.IsEmpty || !Utf8.IsValid(arguments))
        {
            return new InvalidCommand(SmtpVerb.Vrfy, SmtpCommandError.InvalidArguments);
        }

        return new VrfyCommand(Text(arguments), smtpUtf8);
    }

    /// <summary>RFC 3030 §2: <c>"BDAT" SP chunk-size [ SP end-marker ] CRLF</c>, <c>end-marker = "LAST"</c>.</summary>
    private static SmtpCommand Bdat(ReadOnlySpan<byte> arguments)
    {
        var space = arguments.IndexOf((byte)' ');
        var digits = space < 0 ? arguments : arguments[..space];
        var rest = space < 0 ? [] : arguments[(space + 1)..].TrimStart((byte)' ');
        if (digits.IsEmpty || digits.Length > MaxChunkSizeDigits || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return new InvalidCommand(SmtpVerb.Bdat, SmtpCommandError.InvalidArguments);
        }

        long size = 0;
        foreach (var digit in digits)
        {
            size = (size * 10) + (digit - '0');
        }

        var last = Ascii.EqualsIgnoreCase(rest, "LAST"u8);
        if (!rest.IsEmpty && !last)
        {
            return new InvalidCommand(SmtpVerb.Bdat, SmtpCommandError.InvalidArguments);
        }

        return new BdatCommand(size, last);
    }

    /// <summary>
    /// RFC 4954 §4: <c>"AUTH" SP sasl-mech [SP initial-response] CRLF</c>, <c>initial-response =
    /// base64 / "="</c>; <c>sasl-mech = 1*20mech-char</c> (RFC 4422 §3.1), accepted in any case.
    /// </summary>
    private static SmtpCommand Auth(ReadOnlySpan<byte> arguments)
    {
        var space = arguments.IndexOf((byte)' ');
        var mechanism = space < 0 ? arguments : arguments[..space];
        var response = space < 0 ? [] : arguments[(space + 1)..].TrimStart((byte)' ');
        if (mechanism.IsEmpty || mechanism.Length > MaxMechanismLength || response.Contains((byte)' '))
        {
            return new InvalidCommand(SmtpVerb.Auth, SmtpCommandError.InvalidArguments);
        }

        foreach (var b in mechanism)
        {
            if (!SmtpCharacters.IsLetDig(b) && b is not ((byte)'-' or (byte)'_'))
            {
                return new InvalidCommand(SmtpVerb.Auth, SmtpCommandError.InvalidArguments);
            }
        }

        var name = MechanismName(mechanism);
        if (space < 0 || response.IsEmpty)
        {
            return new AuthCommand(name, null);
        }

        if (response.SequenceEqual("="u8))
        {
            return new AuthCommand(name, ReadOnlyMemory<byte>.Empty);
        }

        return Base64Text.TryDecode(response, out var data)
            ? new AuthCommand(name, data)
            : new InvalidCommand(SmtpVerb.Auth, SmtpCommandError.InvalidBase64);
    }

    /// <summary>Upper-cased, without allocating for the common mechanisms.</summary>
    private static string MechanismName(ReadOnlySpan<byte> mechanism)
    {
        ReadOnlySpan<string> common = ["PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER", "EXTERNAL", "ANONYMOUS"];
        Span<char> upper = stackalloc char[mechanism.Length];
        Ascii.ToUpper(mechanism, upper, out _);
        foreach (var name in common)
        {
            if (upper.SequenceEqual(name))
            {
                return name;
            }
        }

        return new string(upper);
    }
}
