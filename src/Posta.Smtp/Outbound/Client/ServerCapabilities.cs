using System.Collections.Frozen;
using System.Globalization;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// What a server offered in its EHLO or LHLO reply (RFC 5321 §4.1.1.1): <c>250-domain [text]</c>
/// then one <c>ehlo-keyword *(SP ehlo-param)</c> per line. Read leniently: keywords in any case,
/// unknown keywords kept in <see cref="Keywords"/>, a malformed SIZE read as "no fixed limit".
/// </summary>
/// <remarks>
/// <see cref="SmtpExtensions"/> describes what Posta's own sessions advertise and refuses
/// combinations the RFCs forbid; a peer's reply is taken as it comes (a server that offers
/// SMTPUTF8 without 8BITMIME still gets SMTPUTF8), hence a separate type.
/// </remarks>
public sealed class ServerCapabilities
{
    private ServerCapabilities(string domain, FrozenDictionary<string, string> keywords)
    {
        Domain = domain;
        Keywords = keywords;
        Pipelining = keywords.ContainsKey("PIPELINING");
        EightBitMime = keywords.ContainsKey("8BITMIME");
        SmtpUtf8 = keywords.ContainsKey("SMTPUTF8");
        Dsn = keywords.ContainsKey("DSN");
        Chunking = keywords.ContainsKey("CHUNKING");
        BinaryMime = keywords.ContainsKey("BINARYMIME");
        StartTls = keywords.ContainsKey("STARTTLS");
        EnhancedStatusCodes = keywords.ContainsKey("ENHANCEDSTATUSCODES");
        RequireTls = keywords.ContainsKey("REQUIRETLS");
        if (keywords.TryGetValue("SIZE", out var size))
        {
            // RFC 1870 §4: "SIZE" alone or "SIZE 0" means no fixed maximum.
            MaxMessageSize = long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : 0;
        }

        AuthMechanisms = keywords.TryGetValue("AUTH", out var mechanisms)
            ? mechanisms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => m.ToUpperInvariant()).Distinct().ToArray()
            : [];
    }

    /// <summary>A server that answered HELO, not EHLO: no extensions at all (RFC 5321 §3.2).</summary>
    public static ServerCapabilities None { get; } = new(string.Empty, FrozenDictionary<string, string>.Empty);

    /// <summary>The server's name from the first line of the reply; empty after HELO.</summary>
    public string Domain { get; }

    /// <summary>Every keyword offered, upper-cased, with its parameters as sent ("" when none).</summary>
    public IReadOnlyDictionary<string, string> Keywords { get; }

    /// <summary>PIPELINING (RFC 2920): commands may be sent in groups.</summary>
    public bool Pipelining { get; }

    /// <summary>SIZE (RFC 1870): the server's fixed maximum message size; 0 when it declares none; null when SIZE is not offered.</summary>
    public long? MaxMessageSize { get; }

    /// <summary>8BITMIME (RFC 6152).</summary>
    public bool EightBitMime { get; }

    /// <summary>SMTPUTF8 (RFC 6531).</summary>
    public bool SmtpUtf8 { get; }

    /// <summary>DSN (RFC 3461): NOTIFY, ORCPT, RET and ENVID are accepted.</summary>
    public bool Dsn { get; }

    /// <summary>CHUNKING (RFC 3030): BDAT.</summary>
    public bool Chunking { get; }

    /// <summary>BINARYMIME (RFC 3030).</summary>
    public bool BinaryMime { get; }

    /// <summary>STARTTLS (RFC 3207).</summary>
    public bool StartTls { get; }

    /// <summary>AUTH (RFC 4954): the SASL mechanisms offered, upper-cased; empty when none.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; }

    /// <summary>ENHANCEDSTATUSCODES (RFC 2034).</summary>
    public bool EnhancedStatusCodes { get; }

    /// <summary>REQUIRETLS (RFC 8689).</summary>
    public bool RequireTls { get; }

    /// <summary>True when <paramref name="keyword"/> (any case) was offered.</summary>
    public bool Has(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return Keywords.ContainsKey(keyword.ToUpperInvariant());
    }

    /// <summary>Reads the positive reply to EHLO or LHLO.</summary>
    /// <exception cref="ArgumentException">The reply is not a 250.</exception>
    public static ServerCapabilities Parse(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Code != 250)
        {
            throw new ArgumentException($"An EHLO reply is a 250, not {reply}.", nameof(reply));
        }

        var first = reply.Lines[0];
        var space = first.IndexOf(' ', StringComparison.Ordinal);
        var domain = space < 0 ? first : first[..space];
        var keywords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in reply.Lines.Skip(1))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            // Old servers also send "AUTH=LOGIN PLAIN" (pre-RFC 4954 drafts); read it as AUTH.
            var separator = trimmed.IndexOfAny([' ', '=']);
            var keyword = (separator < 0 ? trimmed : trimmed[..separator]).ToUpperInvariant();
            var parameters = separator < 0 ? string.Empty : trimmed[(separator + 1)..].Trim();
            if (keyword == "AUTH" && keywords.TryGetValue(keyword, out var earlier))
            {
                parameters = string.Concat(earlier, " ", parameters);
            }
            else if (keywords.ContainsKey(keyword))
            {
                continue;
            }

            keywords[keyword] = parameters;
        }

        return new ServerCapabilities(domain, keywords.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
