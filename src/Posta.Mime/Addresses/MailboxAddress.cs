using System.Globalization;
using System.Text;
using Posta.Mime.Encodings;
using Posta.Mime.Headers;

namespace Posta.Mime.Addresses;

/// <summary>One mailbox (RFC 5322 §3.4), decoded, with the raw pieces IMAP ENVELOPE needs.</summary>
public sealed class MailboxAddress : Address
{
    private static readonly IdnMapping Idn = new();

    internal MailboxAddress(byte[] rawDisplayName, byte[]? rawComment, string? route, byte[] rawLocalPart, byte[]? rawDomain)
    {
        RawDisplayName = rawDisplayName;
        // Explicit: a null array would otherwise convert to an empty, non-null memory.
        RawComment = rawComment is null ? (ReadOnlyMemory<byte>?)null : rawComment;
        Route = route;
        RawLocalPart = rawLocalPart;
        RawDomain = rawDomain is null ? (ReadOnlyMemory<byte>?)null : rawDomain;
        DisplayName = rawDisplayName.Length == 0 ? string.Empty : EncodedWords.DecodeUnstructured(rawDisplayName);
        LocalPart = Charsets.DecodeUnlabelled(rawLocalPart);
        Domain = rawDomain is null ? string.Empty : Charsets.DecodeUnlabelled(rawDomain);
    }

    /// <summary>Creates a mailbox for composing messages.</summary>
    public MailboxAddress(string? displayName, string localPart, string domain)
        : this(Encoding.UTF8.GetBytes(displayName ?? string.Empty), null, null, Encoding.UTF8.GetBytes(localPart ?? throw new ArgumentNullException(nameof(localPart))), Encoding.UTF8.GetBytes(domain ?? throw new ArgumentNullException(nameof(domain))))
    {
        DisplayName = displayName ?? string.Empty;
    }

    /// <summary>The display name, RFC 2047 decoded; empty when there is none.</summary>
    public string DisplayName { get; }

    /// <summary>The display name's words as written (quotes removed, encoded words kept, words joined by one space).</summary>
    public ReadOnlyMemory<byte> RawDisplayName { get; }

    /// <summary>The text of the last comment after a bare addr-spec ("user@example.com (Name)"), raw.</summary>
    public ReadOnlyMemory<byte>? RawComment { get; }

    /// <summary>The comment after a bare addr-spec, RFC 2047 decoded.</summary>
    public string? Comment => RawComment is { } raw ? EncodedWords.DecodeUnstructured(raw.Span) : null;

    /// <summary>An obsolete source route (RFC 5322 §4.4), "@a,@b", or <see langword="null"/>.</summary>
    public string? Route { get; }

    /// <summary>The local part, unquoted.</summary>
    public string LocalPart { get; }

    /// <summary>The local part's bytes, unquoted.</summary>
    public ReadOnlyMemory<byte> RawLocalPart { get; }

    /// <summary>The domain as written (possibly UTF-8, RFC 6532); empty when missing.</summary>
    public string Domain { get; }

    /// <summary>The domain's bytes, or <see langword="null"/> when the address had no "@domain".</summary>
    public ReadOnlyMemory<byte>? RawDomain { get; }

    /// <summary>True when the address had an "@domain".</summary>
    public bool HasDomain => RawDomain is not null;

    /// <summary>The domain in IDNA ASCII form (RFC 5891), or <see langword="null"/> when it is not a valid IDN.</summary>
    public string? AsciiDomain
    {
        get
        {
            if (Ascii.IsValid(Domain))
                return Domain;
            try
            {
                return Idn.GetAscii(Domain);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    /// <summary>The domain with IDNA A-labels turned into Unicode.</summary>
    public string UnicodeDomain
    {
        get
        {
            if (!Domain.Contains("xn--", StringComparison.OrdinalIgnoreCase))
                return Domain;
            try
            {
                return Idn.GetUnicode(Domain);
            }
            catch (ArgumentException)
            {
                return Domain;
            }
        }
    }

    /// <summary>The addr-spec, "local@domain", with the local part quoted when RFC 5322 requires it.</summary>
    public string Address => HasDomain ? QuoteLocalPart(LocalPart) + "@" + Domain : QuoteLocalPart(LocalPart);

    /// <summary>Quotes a local part unless it is a dot-atom.</summary>
    public static string QuoteLocalPart(string localPart)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        if (IsDotAtom(localPart))
            return localPart;
        var quoted = new StringBuilder(localPart.Length + 2);
        quoted.Append('"');
        foreach (var c in localPart)
        {
            if (c is '"' or '\\')
                quoted.Append('\\');
            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    internal static bool IsDotAtom(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.' || text.Contains("..", StringComparison.Ordinal))
            return false;
        foreach (var c in text)
        {
            if (c != '.' && (c < 0x80 ? !ByteClass.IsAtext((byte)c) : char.IsControl(c)))
                return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayName.Length == 0 ? Address : $"{DisplayName} <{Address}>";
}
