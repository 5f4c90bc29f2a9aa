namespace Posta.Smtp.Protocol;

/// <summary>
/// Limits and compatibility switches of the command parser. The defaults follow the RFCs; each
/// one names its source. Call <see cref="Validate"/> when loading configuration.
/// </summary>
public sealed class SmtpParserOptions
{
    /// <summary>
    /// RFC 5321 §4.5.3.1.4: "The maximum total length of a command line including the command word
    /// and the &lt;CRLF&gt; is 512 octets." A server must accept at least this much.
    /// </summary>
    public const int DefaultMaxCommandLineLength = 512;

    /// <summary>
    /// RFC 4954 §4: "12288 octets is considered to be a sufficient line length limit" for the base64
    /// lines of a SASL exchange (Kerberos tickets); read, as Postfix's <c>smtpd_sasl_response_limit</c>
    /// does, as 12288 octets of base64 text, so the CRLF comes on top. The same section keeps the AUTH
    /// command itself within RFC 5321's 512 octets (a client with a longer initial response MUST send it
    /// after an empty 334 instead); some clients do not (Thunderbird's GSSAPI, Mozilla bug 1485724), so
    /// the AUTH command line gets this limit too.
    /// </summary>
    public const int DefaultMaxAuthLineLength = 12288 + 2;

    /// <summary>
    /// Octets the MAIL parameters add to the command line limit: SIZE 26 (RFC 1870 §3 (5)),
    /// RET and ENVID 100 (RFC 3461 §4), AUTH 500 (RFC 4954 §3 (5)), SMTPUTF8 10 (RFC 6531 §3.1),
    /// and, for the parameters whose RFCs state no figure, their longest spelling:
    /// " BODY=BINARYMIME" 16 (RFC 6152, RFC 3030) and " REQUIRETLS" 11 (RFC 8689).
    /// </summary>
    public const int MailParameterAllowance = 26 + 100 + 500 + 10 + 16 + 11;

    /// <summary>Octets NOTIFY and ORCPT add to the RCPT command line limit: 500 (RFC 3461 §4).</summary>
    public const int RcptParameterAllowance = 500;

    /// <summary>The options used when none are given.</summary>
    public static SmtpParserOptions Default { get; } = new();

    /// <summary>
    /// Longest command line accepted, CRLF included. MAIL and RCPT get
    /// <see cref="MailParameterAllowance"/> and <see cref="RcptParameterAllowance"/> on top;
    /// XCLIENT gets none (Postfix's XCLIENT_README: clients must keep within 512 octets).
    /// </summary>
    public int MaxCommandLineLength { get; init; } = DefaultMaxCommandLineLength;

    /// <summary>Longest AUTH command line and SASL response line accepted, CRLF included.</summary>
    public int MaxAuthLineLength { get; init; } = DefaultMaxAuthLineLength;

    /// <summary>
    /// Accept a bare LF as the end of a command line. RFC 5321 §2.3.8 requires CRLF, and a
    /// server that is lenient here is one half of SMTP smuggling; Postfix accepts bare LF in
    /// commands unless <c>smtpd_forbid_bare_newline</c> is set. Off by default: a command line
    /// ending in a bare LF is answered with a syntax error.
    /// </summary>
    public bool AllowBareLineFeed { get; init; }

    /// <summary>
    /// Accept only the exact RFC 5321 path syntax. When false (the default, like Postfix's
    /// <c>strict_rfc821_envelopes = no</c>) the parser also accepts spaces after "FROM:"/"TO:",
    /// a path without angle brackets, and dots anywhere in an unquoted local part
    /// ("first..last@example.jp", which some mobile carriers issue).
    /// </summary>
    public bool StrictPathSyntax { get; init; }

    /// <summary>The line limit for a command with <paramref name="verb"/>.</summary>
    public int LineLimitFor(Commands.SmtpVerb verb) => verb switch
    {
        Commands.SmtpVerb.Auth => MaxAuthLineLength,
        Commands.SmtpVerb.Mail => MaxCommandLineLength + MailParameterAllowance,
        Commands.SmtpVerb.Rcpt => MaxCommandLineLength + RcptParameterAllowance,
        _ => MaxCommandLineLength,
    };

    /// <summary>Throws when a limit is out of range; call it when loading configuration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below what the RFCs require or too large.</exception>
    public void Validate()
    {
        // A server must accept the RFC's lengths; going below breaks conforming clients.
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCommandLineLength, DefaultMaxCommandLineLength, nameof(MaxCommandLineLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCommandLineLength, 65536, nameof(MaxCommandLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAuthLineLength, MaxCommandLineLength, nameof(MaxAuthLineLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAuthLineLength, 1 << 20, nameof(MaxAuthLineLength));
    }
}
