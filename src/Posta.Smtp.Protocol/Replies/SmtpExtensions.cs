using System.Buffers;
using System.Globalization;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// The service extensions a server advertises in its EHLO (or LHLO) reply (RFC 5321 §4.1.1.1),
/// and the reply itself: <see cref="EhloReply"/>.
/// </summary>
public sealed record SmtpExtensions
{
    private static readonly SearchValues<char> MechanismCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>PIPELINING (RFC 2920).</summary>
    public bool Pipelining { get; init; }

    /// <summary>SIZE (RFC 1870): advertised when not null; 0 announces no fixed limit.</summary>
    public long? MaxMessageSize { get; init; }

    /// <summary>8BITMIME (RFC 6152).</summary>
    public bool EightBitMime { get; init; }

    /// <summary>SMTPUTF8 (RFC 6531); requires <see cref="EightBitMime"/>.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>ENHANCEDSTATUSCODES (RFC 2034).</summary>
    public bool EnhancedStatusCodes { get; init; }

    /// <summary>CHUNKING (RFC 3030): the BDAT command.</summary>
    public bool Chunking { get; init; }

    /// <summary>BINARYMIME (RFC 3030); requires <see cref="Chunking"/>.</summary>
    public bool BinaryMime { get; init; }

    /// <summary>DSN (RFC 3461).</summary>
    public bool Dsn { get; init; }

    /// <summary>STARTTLS (RFC 3207); offer it only on a connection that is not yet encrypted.</summary>
    public bool StartTls { get; init; }

    /// <summary>AUTH (RFC 4954) with these mechanisms; not advertised when empty.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; init; } = [];

    /// <summary>REQUIRETLS (RFC 8689); offer it only over TLS.</summary>
    public bool RequireTls { get; init; }

    /// <summary>XCLIENT with these attributes (Postfix XCLIENT_README); not advertised when none.</summary>
    public XClientAttributes XClient { get; init; }

    /// <summary>Throws when the combination breaks an RFC's requirement.</summary>
    /// <exception cref="ArgumentException">BINARYMIME without CHUNKING, SMTPUTF8 without 8BITMIME, a bad mechanism name or a negative size.</exception>
    public void Validate()
    {
        if (BinaryMime && !Chunking)
        {
            throw new ArgumentException("RFC 3030 §3: BINARYMIME requires CHUNKING.");
        }

        if (SmtpUtf8 && !EightBitMime)
        {
            throw new ArgumentException("RFC 6531 §3.1 (8): SMTPUTF8 requires 8BITMIME.");
        }

        if (MaxMessageSize < 0)
        {
            throw new ArgumentException("SIZE is not negative.");
        }

        foreach (var mechanism in AuthMechanisms)
        {
            // RFC 4422 §3.1: sasl-mech = 1*20mech-char, upper-case letters, digits, "-" and "_".
            if (string.IsNullOrEmpty(mechanism) || mechanism.Length > 20
                || mechanism.AsSpan().ContainsAnyExcept(MechanismCharacters))
            {
                throw new ArgumentException($"'{mechanism}' is not a SASL mechanism name (RFC 4422 §3.1).");
            }
        }
    }

    /// <summary>
    /// The 250 reply to EHLO or LHLO: <c>250-domain [greeting]</c>, then one keyword per line. No
    /// enhanced status code (RFC 2034 §3). Checks the combination first (<see cref="Validate"/>).
    /// </summary>
    /// <param name="domain">The server's host name.</param>
    /// <param name="greeting">Optional text after the name on the first line.</param>
    public SmtpReply EhloReply(string domain, string? greeting = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        Validate();
        var lines = new List<string>(16) { string.IsNullOrEmpty(greeting) ? domain : string.Concat(domain, " ", greeting) };
        if (Pipelining)
        {
            lines.Add("PIPELINING");
        }

        if (MaxMessageSize is { } size)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"SIZE {size}"));
        }

        if (StartTls)
        {
            lines.Add("STARTTLS");
        }

        if (AuthMechanisms.Count > 0)
        {
            lines.Add("AUTH " + string.Join(' ', AuthMechanisms));
        }

        if (XClient != XClientAttributes.None)
        {
            lines.Add("XCLIENT " + XClientNames(XClient));
        }

        if (EnhancedStatusCodes)
        {
            lines.Add("ENHANCEDSTATUSCODES");
        }

        if (EightBitMime)
        {
            lines.Add("8BITMIME");
        }

        if (Dsn)
        {
            lines.Add("DSN");
        }

        if (SmtpUtf8)
        {
            lines.Add("SMTPUTF8");
        }

        if (Chunking)
        {
            lines.Add("CHUNKING");
        }

        if (BinaryMime)
        {
            lines.Add("BINARYMIME");
        }

        if (RequireTls)
        {
            lines.Add("REQUIRETLS");
        }

        return new SmtpReply(250, null, lines);
    }

    private static string XClientNames(XClientAttributes attributes)
    {
        var names = new List<string>(8);
        foreach (var (flag, name) in new[]
        {
            (XClientAttributes.Name, "NAME"), (XClientAttributes.Addr, "ADDR"), (XClientAttributes.Port, "PORT"),
            (XClientAttributes.Proto, "PROTO"), (XClientAttributes.Helo, "HELO"), (XClientAttributes.Login, "LOGIN"),
            (XClientAttributes.DestAddr, "DESTADDR"), (XClientAttributes.DestPort, "DESTPORT"),
        })
        {
            if ((attributes & flag) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(' ', names);
    }
}
