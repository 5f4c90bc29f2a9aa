using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// How an <see cref="SmtpClientSession"/> talks to its server: the dialect, the name it greets
/// with, whether it uses BDAT, and its limits and timeouts. The timeouts are RFC 5321 §4.5.3.2's
/// client-side minimums; <see cref="Validate"/> refuses shorter ones only when they are not
/// positive, so tests (and impatient operators) can shorten them.
/// </summary>
public sealed class SmtpClientOptions
{
    /// <summary>Postfix's <c>smtp_connect_timeout</c>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>RFC 5321 §4.5.3.2.1: "Initial 220 Message: 5 Minutes".</summary>
    public static readonly TimeSpan DefaultGreetingTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// EHLO, LHLO, STARTTLS (and the TLS handshake), RSET and QUIT: RFC 5321 names no figure; 5
    /// minutes, as for MAIL (§4.5.3.2.2), like Postfix's <c>smtp_helo_timeout</c>.
    /// </summary>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromMinutes(5);

    /// <summary>RFC 5321 §4.5.3.2.2: "MAIL Command: 5 Minutes".</summary>
    public static readonly TimeSpan DefaultMailTimeout = TimeSpan.FromMinutes(5);

    /// <summary>RFC 5321 §4.5.3.2.3: "RCPT Command: 5 Minutes".</summary>
    public static readonly TimeSpan DefaultRcptTimeout = TimeSpan.FromMinutes(5);

    /// <summary>RFC 5321 §4.5.3.2.4: "DATA Initiation: 2 Minutes".</summary>
    public static readonly TimeSpan DefaultDataInitiationTimeout = TimeSpan.FromMinutes(2);

    /// <summary>RFC 5321 §4.5.3.2.5: "Data Block: 3 Minutes", for each write of the content.</summary>
    public static readonly TimeSpan DefaultDataBlockTimeout = TimeSpan.FromMinutes(3);

    /// <summary>RFC 5321 §4.5.3.2.6: "DATA Termination: 10 Minutes".</summary>
    public static readonly TimeSpan DefaultDataTerminationTimeout = TimeSpan.FromMinutes(10);

    /// <summary>SMTP or LMTP (RFC 2033): LHLO instead of EHLO, and one reply per recipient after the content.</summary>
    public SmtpDialect Dialect { get; init; } = SmtpDialect.Smtp;

    /// <summary>
    /// The name this client greets with (EHLO/HELO/LHLO): its fully qualified domain name, or an
    /// address literal such as "[192.0.2.1]" (RFC 5321 §4.1.4).
    /// </summary>
    public required string HelloName { get; init; }

    /// <summary>
    /// Send the content with BDAT (RFC 3030) when the server offers CHUNKING, instead of DATA.
    /// Content declared <see cref="Protocol.Commands.BodyType.BinaryMime"/> always goes by BDAT.
    /// </summary>
    public bool UseChunking { get; init; }

    /// <summary>How long opening a TCP or unix socket connection may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>How long to wait for the server's greeting.</summary>
    public TimeSpan GreetingTimeout { get; init; } = DefaultGreetingTimeout;

    /// <summary>How long to wait for the reply to EHLO, LHLO, HELO, STARTTLS, RSET and QUIT, and for the TLS handshake.</summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    /// <summary>How long to wait for the reply to MAIL.</summary>
    public TimeSpan MailTimeout { get; init; } = DefaultMailTimeout;

    /// <summary>How long to wait for the reply to each RCPT.</summary>
    public TimeSpan RcptTimeout { get; init; } = DefaultRcptTimeout;

    /// <summary>How long to wait for the 354 reply to DATA.</summary>
    public TimeSpan DataInitiationTimeout { get; init; } = DefaultDataInitiationTimeout;

    /// <summary>How long each write of content may take (and the reply to a BDAT chunk that is not the last).</summary>
    public TimeSpan DataBlockTimeout { get; init; } = DefaultDataBlockTimeout;

    /// <summary>How long to wait for the reply (LMTP: each reply) after the end of the content.</summary>
    public TimeSpan DataTerminationTimeout { get; init; } = DefaultDataTerminationTimeout;

    /// <summary>
    /// Longest reply line accepted, CRLF included. RFC 5321 §4.5.3.1.5 sets 512 octets, but
    /// servers exceed it (long AUTH lines, verbose rejections), so the default is the reply
    /// parser's 2048 (Postfix's <c>line_length_limit</c>); at least 512.
    /// </summary>
    public int MaxReplyLineLength { get; init; } = SmtpReplyParser.DefaultMaxLineLength;

    /// <summary>Most lines in one reply: <see cref="SmtpReplyParser.DefaultMaxLines"/>, ample for the longest EHLO reply.</summary>
    public int MaxReplyLines { get; init; } = SmtpReplyParser.DefaultMaxLines;

    /// <summary>Where the session logs (commands and replies at Debug, never content).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">The hello name is empty or holds spaces or control characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout is not positive, or a reply limit is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(HelloName);
        foreach (var c in HelloName)
        {
            // The name goes on a command line verbatim.
            if (c <= ' ' || c == '\x7F')
            {
                throw new ArgumentException($"The hello name '{HelloName}' holds a space or a control character.", nameof(HelloName));
            }
        }

        foreach (var (timeout, name) in new[]
        {
            (ConnectTimeout, nameof(ConnectTimeout)), (GreetingTimeout, nameof(GreetingTimeout)), (CommandTimeout, nameof(CommandTimeout)),
            (MailTimeout, nameof(MailTimeout)), (RcptTimeout, nameof(RcptTimeout)), (DataInitiationTimeout, nameof(DataInitiationTimeout)),
            (DataBlockTimeout, nameof(DataBlockTimeout)), (DataTerminationTimeout, nameof(DataTerminationTimeout)),
        })
        {
            if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(name, timeout, "A timeout is positive (or infinite).");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReplyLineLength, SmtpReplyWriter.MaxLineLength, nameof(MaxReplyLineLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxReplyLineLength, 65536, nameof(MaxReplyLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReplyLines, 1, nameof(MaxReplyLines));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxReplyLines, 10000, nameof(MaxReplyLines));
    }
}
