using System.Net;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Tests.Parsing;

/// <summary>Valid command lines, mostly the RFCs' own examples, with the command each must give.</summary>
internal static class CommandVectors
{
    public static readonly (string Line, SmtpCommand Expected)[] Valid =
    [
        // RFC 5321 Appendix D.1
        ("EHLO bar.com", new EhloCommand("bar.com", HelloIdentityKind.Domain)),
        ("MAIL FROM:<Smith@bar.com>", new MailCommand(new Mailbox("Smith", "bar.com"), MailParameters.None)),
        ("RCPT TO:<Jones@foo.com>", new RcptCommand(new Mailbox("Jones", "foo.com"), RcptParameters.None)),
        ("DATA", DataCommand.Instance),
        ("QUIT", QuitCommand.Instance),

        // RFC 5321 §3.5.2, §4.1.1
        ("VRFY Crispin", new VrfyCommand("Crispin", false)),
        ("VRFY <Smith@USC-ISIF.ARPA>", new VrfyCommand("<Smith@USC-ISIF.ARPA>", false)),
        ("HELO foo.example", new HeloCommand("foo.example", HelloIdentityKind.Domain)),
        ("RSET", RsetCommand.Instance),
        ("NOOP", NoopCommand.Instance),
        ("NOOP anything at all", NoopCommand.Instance),
        ("HELP", new HelpCommand(null)),
        ("HELP MAIL", new HelpCommand("MAIL")),

        // Source routes are accepted and dropped (RFC 5321 §4.1.1.3, Appendix C).
        ("RCPT TO:<@hosta.int,@jkl.org:userc@d.bar.org>", new RcptCommand(new Mailbox("userc", "d.bar.org"), RcptParameters.None)),
        ("MAIL FROM:<@a.example:user@d.example>", new MailCommand(new Mailbox("user", "d.example"), MailParameters.None)),

        // Null reverse-path, Postmaster, quoted local parts, address literals.
        ("MAIL FROM:<>", new MailCommand(null, MailParameters.None)),
        ("RCPT TO:<Postmaster>", new RcptCommand(new Mailbox("Postmaster", string.Empty), RcptParameters.None)),
        ("RCPT TO:<postmaster>", new RcptCommand(new Mailbox("postmaster", string.Empty), RcptParameters.None)),
        ("RCPT TO:<Postmaster@example.org>", new RcptCommand(new Mailbox("Postmaster", "example.org"), RcptParameters.None)),
        ("MAIL FROM:<\"john smith\"@example.com>", new MailCommand(new Mailbox("john smith", "example.com"), MailParameters.None)),
        ("RCPT TO:<\"a\\\"b\\\\c\"@example.com>", new RcptCommand(new Mailbox("a\"b\\c", "example.com"), RcptParameters.None)),
        ("RCPT TO:<\"\"@example.com>", new RcptCommand(new Mailbox(string.Empty, "example.com"), RcptParameters.None)),
        ("RCPT TO:<user@[192.0.2.1]>", new RcptCommand(new Mailbox("user", "[192.0.2.1]"), RcptParameters.None)),
        ("RCPT TO:<user@[IPv6:2001:db8::1]>", new RcptCommand(new Mailbox("user", "[IPv6:2001:db8::1]"), RcptParameters.None)),
        ("RCPT TO:<user@[x-tag:some-thing]>", new RcptCommand(new Mailbox("user", "[x-tag:some-thing]"), RcptParameters.None)),
        ("RCPT TO:<a.b+tag!#$%&'*/=?^_`{|}~-@sub-1.example-2.com>", new RcptCommand(new Mailbox("a.b+tag!#$%&'*/=?^_`{|}~-", "sub-1.example-2.com"), RcptParameters.None)),
        ("EHLO [192.0.2.1]", new EhloCommand("[192.0.2.1]", HelloIdentityKind.AddressLiteral, IPAddress.Parse("192.0.2.1"))),
        ("EHLO [IPv6:2001:db8::1]", new EhloCommand("[IPv6:2001:db8::1]", HelloIdentityKind.AddressLiteral, IPAddress.Parse("2001:db8::1"))),
        ("EHLO [IPv6:::ffff:192.0.2.1]", new EhloCommand("[IPv6:::ffff:192.0.2.1]", HelloIdentityKind.AddressLiteral, IPAddress.Parse("::ffff:192.0.2.1"))),
        ("EHLO my_host", new EhloCommand("my_host", HelloIdentityKind.Invalid)),
        ("EHLO host.example.", new EhloCommand("host.example.", HelloIdentityKind.Invalid)),
        ("EHLO 192.0.2.1", new EhloCommand("192.0.2.1", HelloIdentityKind.Domain)),
        ("EHLO xn--bcher-kva.example", new EhloCommand("xn--bcher-kva.example", HelloIdentityKind.Domain)),

        // Case, padding.
        ("ehlo Bar.COM", new EhloCommand("Bar.COM", HelloIdentityKind.Domain)),
        ("mail from:<a@b.example>", new MailCommand(new Mailbox("a", "b.example"), MailParameters.None)),
        ("Rcpt To:<a@b.example>", new RcptCommand(new Mailbox("a", "b.example"), RcptParameters.None)),
        ("QUIT  ", QuitCommand.Instance),
        ("EHLO   bar.com  ", new EhloCommand("bar.com", HelloIdentityKind.Domain)),
        ("StartTLS", StartTlsCommand.Instance),

        // Loose syntax accepted by default, as Postfix does.
        ("MAIL FROM: <a@b.example>", new MailCommand(new Mailbox("a", "b.example"), MailParameters.None)),
        ("MAIL FROM:a@b.example SIZE=10", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Size = 10 })),
        ("RCPT TO:<first..last@docomo.ne.jp>", new RcptCommand(new Mailbox("first..last", "docomo.ne.jp"), RcptParameters.None)),
        ("RCPT TO:<user>", new RcptCommand(new Mailbox("user", string.Empty), RcptParameters.None)),

        // RFC 1870 §7
        ("MAIL FROM:<ned@thor.innosoft.com> SIZE=500000", new MailCommand(new Mailbox("ned", "thor.innosoft.com"), new MailParameters { Size = 500000 })),
        ("MAIL FROM:<a@b.example> SIZE=99999999999999999999", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Size = long.MaxValue })),

        // RFC 6152, RFC 3030
        ("MAIL FROM:<a@b.example> BODY=8BITMIME", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Body = BodyType.EightBitMime })),
        ("MAIL FROM:<a@b.example> body=binarymime", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Body = BodyType.BinaryMime })),
        ("MAIL FROM:<a@b.example> BODY=7BIT", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Body = BodyType.SevenBit })),
        ("BDAT 86 LAST", new BdatCommand(86, true)),
        ("BDAT 0 LAST", new BdatCommand(0, true)),
        ("BDAT 69", new BdatCommand(69, false)),
        ("bdat 100000 last", new BdatCommand(100000, true)),

        // RFC 3461 §6.2 (the example transaction)
        ("MAIL FROM:<Alice@Example.ORG> RET=HDRS ENVID=QQ314159", new MailCommand(new Mailbox("Alice", "Example.ORG"), new MailParameters { Return = DsnReturn.Headers, EnvelopeId = "QQ314159" })),
        ("RCPT TO:<Bob@Example.COM> NOTIFY=SUCCESS ORCPT=rfc822;Bob@Example.COM", new RcptCommand(new Mailbox("Bob", "Example.COM"), new RcptParameters { Notify = DsnNotify.Success, OriginalRecipient = new OriginalRecipient("rfc822", "Bob@Example.COM") })),
        ("RCPT TO:<Carol@Ivory.EDU> NOTIFY=FAILURE ORCPT=rfc822;Carol@Ivory.EDU", new RcptCommand(new Mailbox("Carol", "Ivory.EDU"), new RcptParameters { Notify = DsnNotify.Failure, OriginalRecipient = new OriginalRecipient("rfc822", "Carol@Ivory.EDU") })),
        ("RCPT TO:<Dana@Ivory.EDU> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Dana@Ivory.EDU", new RcptCommand(new Mailbox("Dana", "Ivory.EDU"), new RcptParameters { Notify = DsnNotify.Success | DsnNotify.Failure, OriginalRecipient = new OriginalRecipient("rfc822", "Dana@Ivory.EDU") })),
        ("RCPT TO:<Eric@Bombs.AF.MIL> NOTIFY=FAILURE ORCPT=rfc822;Eric@Bombs.AF.MIL", new RcptCommand(new Mailbox("Eric", "Bombs.AF.MIL"), new RcptParameters { Notify = DsnNotify.Failure, OriginalRecipient = new OriginalRecipient("rfc822", "Eric@Bombs.AF.MIL") })),
        ("RCPT TO:<Fred@Bombs.AF.MIL> NOTIFY=NEVER", new RcptCommand(new Mailbox("Fred", "Bombs.AF.MIL"), new RcptParameters { Notify = DsnNotify.Never })),
        ("RCPT TO:<George@Tax-ME.GOV> NOTIFY=delay,failure,success", new RcptCommand(new Mailbox("George", "Tax-ME.GOV"), new RcptParameters { Notify = DsnNotify.Delay | DsnNotify.Failure | DsnNotify.Success })),
        ("MAIL FROM:<a@b.example> RET=FULL ENVID=QQ314159+2B42", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Return = DsnReturn.Full, EnvelopeId = "QQ314159+42" })),
        // RFC 3461 §4.1 note b and RFC 822 §2.7: any case; null list elements allowed and not counted.
        ("RCPT TO:<a@b.example> NOTIFY=Success,,delay,", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { Notify = DsnNotify.Success | DsnNotify.Delay })),
        ("RCPT TO:<a@b.example> NOTIFY=never", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { Notify = DsnNotify.Never })),
        ("MAIL FROM:<a@b.example> RET=hdrs", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Return = DsnReturn.Headers })),

        // RFC 3461 §4.4: printable US-ASCII "graphic and white space", at most 100 characters.
        ("MAIL FROM:<a@b.example> ENVID=a+20b+09c", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { EnvelopeId = "a b\tc" })),
        ("MAIL FROM:<a@b.example> ENVID=" + new string('e', 100), new MailCommand(new Mailbox("a", "b.example"), new MailParameters { EnvelopeId = new string('e', 100) })),

        // RFC 3461 §4.2: the whole ORCPT value up to 500 characters.
        ("RCPT TO:<a@b.example> ORCPT=rfc822;" + new string('o', 481) + "@example.com", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { OriginalRecipient = new OriginalRecipient("rfc822", new string('o', 481) + "@example.com") })),
        ("RCPT TO:<a@b.example> ORCPT=rfc822;joe+2Bsmith+3Dx@example.com", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { OriginalRecipient = new OriginalRecipient("rfc822", "joe+smith=x@example.com") })),

        // RFC 4954 §5
        ("MAIL FROM:<e=mc2@example.com> AUTH=e+3Dmc2@example.com", new MailCommand(new Mailbox("e=mc2", "example.com"), new MailParameters { Auth = "e=mc2@example.com" })),
        ("MAIL FROM:<a@b.example> AUTH=<>", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { Auth = "<>" })),

        // RFC 6531: UTF-8 addresses (marked, the session decides), SMTPUTF8 on MAIL and VRFY.
        ("MAIL FROM:<用户@例子.广告> SMTPUTF8", new MailCommand(new Mailbox("用户", "例子.广告"), new MailParameters { SmtpUtf8 = true })),
        ("RCPT TO:<δοκιμή@παράδειγμα.δοκιμή>", new RcptCommand(new Mailbox("δοκιμή", "παράδειγμα.δοκιμή"), RcptParameters.None)),
        ("RCPT TO:<\"ünï cødé\"@example.com>", new RcptCommand(new Mailbox("ünï cødé", "example.com"), RcptParameters.None)),
        ("VRFY Jöns SMTPUTF8", new VrfyCommand("Jöns", true)),
        ("MAIL FROM:<a@b.example> SMTPUTF8 BODY=8BITMIME SIZE=1 RET=FULL ENVID=x REQUIRETLS AUTH=a@b.example", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { SmtpUtf8 = true, Body = BodyType.EightBitMime, Size = 1, Return = DsnReturn.Full, EnvelopeId = "x", RequireTls = true, Auth = "a@b.example" })),

        // RFC 6533 §3: utf-8 ORCPT.
        ("RCPT TO:<a@b.example> ORCPT=utf-8;\\x{7528}\\x{6237}@example.com", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { OriginalRecipient = new OriginalRecipient("utf-8", "用户@example.com") })),
        ("RCPT TO:<a@b.example> ORCPT=utf-8;用户@example.com", new RcptCommand(new Mailbox("a", "b.example"), new RcptParameters { OriginalRecipient = new OriginalRecipient("utf-8", "用户@example.com") })),

        // RFC 8689
        ("MAIL FROM:<a@b.example> REQUIRETLS", new MailCommand(new Mailbox("a", "b.example"), new MailParameters { RequireTls = true })),

        // RFC 2033 §4.2
        ("LHLO foo.edu", new LhloCommand("foo.edu", HelloIdentityKind.Domain)),

        // Postfix XCLIENT_README
        ("XCLIENT NAME=spike.porcupine.org ADDR=168.100.189.2", new XClientCommand { Present = XClientAttributes.Name | XClientAttributes.Addr, Name = "spike.porcupine.org", Address = IPAddress.Parse("168.100.189.2") }),
        ("XCLIENT NAME=[UNAVAILABLE] ADDR=IPV6:2001:db8::1 PORT=4711 PROTO=ESMTP HELO=client.example LOGIN=joe+40example.com DESTADDR=192.0.2.25 DESTPORT=25",
            new XClientCommand
            {
                Present = XClientAttributes.All,
                Unavailable = XClientAttributes.Name,
                Address = IPAddress.Parse("2001:db8::1"),
                Port = 4711,
                Protocol = XClientProtocol.Esmtp,
                Helo = "client.example",
                Login = "joe@example.com",
                DestinationAddress = IPAddress.Parse("192.0.2.25"),
                DestinationPort = 25,
            }),
        ("xclient name=[TEMPUNAVAIL] proto=smtp", new XClientCommand { Present = XClientAttributes.Name | XClientAttributes.Proto, Unavailable = XClientAttributes.Name, TemporarilyUnavailable = XClientAttributes.Name, Protocol = XClientProtocol.Smtp }),
        ("XCLIENT ADDR=2001:db8::2 HELO=[UNAVAILABLE]", new XClientCommand { Present = XClientAttributes.Addr | XClientAttributes.Helo, Unavailable = XClientAttributes.Helo, Address = IPAddress.Parse("2001:db8::2") }),
    ];
}
