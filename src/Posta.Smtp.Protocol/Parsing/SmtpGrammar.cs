using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>
/// The rules of RFC 5321 §4.1.2 (with RFC 6531 §3.3's UTF-8 extensions), one method per ABNF
/// rule, over a complete command line. Each method starts at <c>position</c>, and on success
/// leaves it after what it matched; on failure <c>position</c> is unspecified.
/// </summary>
internal static class SmtpGrammar
{
    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets.</summary>
    private const int MaxLabelLength = 63;

    /// <summary>RFC 5321 §4.5.3.1.2: a domain is at most 255 octets.</summary>
    private const int MaxDomainLength = 255;

    /// <summary><c>Reverse-path = Path / "&lt;&gt;"</c>; <paramref name="path"/> is null for "&lt;&gt;".</summary>
    public static bool ReversePath(ReadOnlySpan<byte> s, ref int position, bool strict, out Mailbox? path)
    {
        path = null;
        if (s[position..].StartsWith("<>"u8))
        {
            position += 2;
            return true;
        }

        var found = Path(s, ref position, strict, out var mailbox);
        path = mailbox;
        return found;
    }

    /// <summary>
    /// <c>Forward-path = Path</c>, with RCPT's "&lt;Postmaster&gt;" (RFC 5321 §4.1.1.3), which
    /// needs no domain.
    /// </summary>
    public static bool ForwardPath(ReadOnlySpan<byte> s, ref int position, bool strict, out Mailbox path)
    {
        const int PostmasterLength = 12; // "<Postmaster>"
        var rest = s[position..];
        if (rest.Length >= PostmasterLength && rest[0] == (byte)'<' && rest[PostmasterLength - 1] == (byte)'>'
            && Ascii.EqualsIgnoreCase(rest[1..(PostmasterLength - 1)], "postmaster"u8))
        {
            path = new Mailbox(Encoding.ASCII.GetString(rest[1..(PostmasterLength - 1)]), string.Empty);
            position += PostmasterLength;
            return true;
        }

        return Path(s, ref position, strict, out path);
    }

    /// <summary>
    /// <c>Path = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"</c>. The source route is dropped (RFC 5321
    /// §4.1.1.3, Appendix C). Unless <paramref name="strict"/>, a bare Mailbox without brackets
    /// (ended by SP or the end of the line) is accepted too, and its domain may be missing.
    /// </summary>
    public static bool Path(ReadOnlySpan<byte> s, ref int position, bool strict, out Mailbox path)
    {
        path = null!;
        if (position >= s.Length)
        {
            return false;
        }

        if (s[position] != (byte)'<')
        {
            return !strict && Mailbox(s, ref position, strict, out path) && (position == s.Length || s[position] == (byte)' ');
        }

        position++;
        if (position < s.Length && s[position] == (byte)'@')
        {
            if (!AtDomainList(s, ref position) || position >= s.Length || s[position] != (byte)':')
            {
                return false;
            }

            position++;
        }

        if (!Mailbox(s, ref position, strict, out path) || position >= s.Length || s[position] != (byte)'>')
        {
            return false;
        }

        position++;
        return true;
    }

    /// <summary><c>A-d-l = At-domain *( "," At-domain )</c>, <c>At-domain = "@" Domain</c>.</summary>
    public static bool AtDomainList(ReadOnlySpan<byte> s, ref int position)
    {
        while (true)
        {
            if (position >= s.Length || s[position] != (byte)'@')
            {
                return false;
            }

            position++;
            if (!Domain(s, ref position, allowUtf8: true))
            {
                return false;
            }

            if (position >= s.Length || s[position] != (byte)',')
            {
                return true;
            }

            position++;
        }
    }

    /// <summary>
    /// <c>Mailbox = Local-part "@" ( Domain / address-literal )</c>. Unless <paramref name="strict"/>,
    /// the "@" and domain may be missing (an unqualified address, for the session to qualify or refuse).
    /// </summary>
    public static bool Mailbox(ReadOnlySpan<byte> s, ref int position, bool strict, out Mailbox mailbox)
    {
        mailbox = null!;
        if (!LocalPart(s, ref position, strict, out var localPart))
        {
            return false;
        }

        if (position >= s.Length || s[position] != (byte)'@')
        {
            if (strict)
            {
                return false;
            }

            mailbox = new Mailbox(localPart, string.Empty);
            return true;
        }

        position++;
        var start = position;
        if (position < s.Length && s[position] == (byte)'[')
        {
            if (!AddressLiteral(s, ref position, out _))
            {
                return false;
            }
        }
        else if (!Domain(s, ref position, allowUtf8: true))
        {
            return false;
        }

        mailbox = new Mailbox(localPart, Encoding.UTF8.GetString(s[start..position]));
        return true;
    }

    /// <summary><c>Local-part = Dot-string / Quoted-string</c>; the value is unquoted.</summary>
    public static bool LocalPart(ReadOnlySpan<byte> s, ref int position, bool strict, out string localPart)
    {
        localPart = string.Empty;
        if (position < s.Length && s[position] == (byte)'"')
        {
            return QuotedString(s, ref position, out localPart);
        }

        var start = position;
        if (!DotString(s, ref position, strict))
        {
            return false;
        }

        localPart = Encoding.UTF8.GetString(s[start..position]);
        return true;
    }

    /// <summary>
    /// <c>Dot-string = Atom *("." Atom)</c>. Unless <paramref name="strict"/>, dots may also lead,
    /// trail or repeat ("first..last"), as long as there is some atext.
    /// </summary>
    public static bool DotString(ReadOnlySpan<byte> s, ref int position, bool strict)
    {
        if (!strict)
        {
            var start = position;
            var atoms = false;
            while (position < s.Length)
            {
                if (s[position] == (byte)'.')
                {
                    position++;
                }
                else if (Atom(s, ref position))
                {
                    atoms = true;
                }
                else
                {
                    break;
                }
            }

            return atoms && position > start;
        }

        if (!Atom(s, ref position))
        {
            return false;
        }

        while (position + 1 < s.Length && s[position] == (byte)'.')
        {
            position++;
            if (!Atom(s, ref position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>Atom = 1*atext</c>, atext extended with UTF8-non-ascii (RFC 6531 §3.3).</summary>
    public static bool Atom(ReadOnlySpan<byte> s, ref int position)
    {
        var start = position;
        while (position < s.Length)
        {
            if (SmtpCharacters.IsAtext(s[position]))
            {
                position++;
            }
            else if (!Utf8NonAscii(s, ref position))
            {
                break;
            }
        }

        return position > start;
    }

    /// <summary>
    /// <c>Quoted-string = DQUOTE *QcontentSMTP DQUOTE</c>, <c>QcontentSMTP = qtextSMTP /
    /// quoted-pairSMTP</c>, <c>quoted-pairSMTP = %d92 %d32-126</c>; qtextSMTP extended with
    /// UTF8-non-ascii. The value is the content with quoted-pairs resolved.
    /// </summary>
    public static bool QuotedString(ReadOnlySpan<byte> s, ref int position, out string value)
    {
        value = string.Empty;
        if (position >= s.Length || s[position] != (byte)'"')
        {
            return false;
        }

        position++;
        var rented = ArrayPool<byte>.Shared.Rent(s.Length);
        try
        {
            var length = 0;
            while (position < s.Length)
            {
                var b = s[position];
                if (b == (byte)'"')
                {
                    position++;
                    value = Encoding.UTF8.GetString(rented, 0, length);
                    return true;
                }

                if (b == (byte)'\\')
                {
                    if (position + 1 >= s.Length || s[position + 1] is < 32 or > 126)
                    {
                        return false;
                    }

                    rented[length++] = s[position + 1];
                    position += 2;
                }
                else if (SmtpCharacters.IsQtextSmtp(b))
                {
                    rented[length++] = b;
                    position++;
                }
                else
                {
                    var start = position;
                    if (!Utf8NonAscii(s, ref position))
                    {
                        return false;
                    }

                    s[start..position].CopyTo(rented.AsSpan(length));
                    length += position - start;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// <c>Domain = sub-domain *("." sub-domain)</c>, <c>sub-domain = Let-dig [Ldh-str]</c>, or a
    /// U-label when <paramref name="allowUtf8"/> (RFC 6531 §3.3; not checked against IDNA here).
    /// Labels are at most 63 octets and the domain at most 255.
    /// </summary>
    public static bool Domain(ReadOnlySpan<byte> s, ref int position, bool allowUtf8)
    {
        var start = position;
        while (true)
        {
            if (!SubDomain(s, ref position, allowUtf8))
            {
                return false;
            }

            // A dot continues the domain only when a label follows: "example.com." stops before the dot.
            if (position + 1 < s.Length && s[position] == (byte)'.' && (SmtpCharacters.IsLetDig(s[position + 1]) || (allowUtf8 && s[position + 1] >= 0x80)))
            {
                position++;
                continue;
            }

            return position - start <= MaxDomainLength;
        }
    }

    /// <summary><c>sub-domain = Let-dig [Ldh-str]</c>, <c>Ldh-str = *( ALPHA / DIGIT / "-" ) Let-dig</c>.</summary>
    public static bool SubDomain(ReadOnlySpan<byte> s, ref int position, bool allowUtf8)
    {
        var start = position;
        var lastWasHyphen = false;
        while (position < s.Length)
        {
            var b = s[position];
            if (SmtpCharacters.IsLetDig(b))
            {
                position++;
                lastWasHyphen = false;
            }
            else if (b == (byte)'-' && position > start)
            {
                position++;
                lastWasHyphen = true;
            }
            else if (!(allowUtf8 && Utf8NonAscii(s, ref position)))
            {
                break;
            }
            else
            {
                lastWasHyphen = false;
            }
        }

        return position > start && !lastWasHyphen && position - start <= MaxLabelLength;
    }

    /// <summary>
    /// <c>address-literal = "[" ( IPv4-address-literal / IPv6-address-literal /
    /// General-address-literal ) "]"</c>. <paramref name="address"/> is set for IPv4 and IPv6.
    /// </summary>
    public static bool AddressLiteral(ReadOnlySpan<byte> s, ref int position, out IPAddress? address)
    {
        address = null;
        if (position >= s.Length || s[position] != (byte)'[')
        {
            return false;
        }

        var close = s[(position + 1)..].IndexOf((byte)']');
        if (close <= 0)
        {
            return false;
        }

        var inner = s.Slice(position + 1, close);
        bool valid;
        if (inner.Length > 5 && Ascii.EqualsIgnoreCase(inner[..5], "IPv6:"u8))
        {
            valid = IPv6AddressLiteral(inner[5..], out address);
        }
        else if (SmtpCharacters.IsDigit(inner[0]) && inner.IndexOf((byte)':') < 0)
        {
            valid = IPv4AddressLiteral(inner, out address);
        }
        else
        {
            valid = GeneralAddressLiteral(inner);
        }

        if (valid)
        {
            position += close + 2;
        }

        return valid;
    }

    /// <summary><c>IPv4-address-literal = Snum 3("." Snum)</c>, <c>Snum = 1*3DIGIT</c> representing 0-255.</summary>
    public static bool IPv4AddressLiteral(ReadOnlySpan<byte> text, out IPAddress? address)
    {
        address = null;
        Span<byte> octets = stackalloc byte[4];
        var position = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                if (position >= text.Length || text[position] != (byte)'.')
                {
                    return false;
                }

                position++;
            }

            var start = position;
            var value = 0;
            while (position < text.Length && position - start < 3 && SmtpCharacters.IsDigit(text[position]))
            {
                value = (value * 10) + (text[position++] - '0');
            }

            if (position == start || value > 255)
            {
                return false;
            }

            octets[i] = (byte)value;
        }

        if (position != text.Length)
        {
            return false;
        }

        address = new IPAddress(octets);
        return true;
    }

    /// <summary>
    /// <c>IPv6-addr</c> of RFC 5321 §4.1.3: hexadecimal groups, "::" and an IPv4 tail; no zone
    /// identifier. The forms are checked by <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress)"/>
    /// once the characters are known to be in the grammar's alphabet.
    /// </summary>
    public static bool IPv6AddressLiteral(ReadOnlySpan<byte> text, out IPAddress? address)
    {
        address = null;

        // "ffff:" times 7 plus "255.255.255.255": the longest form.
        if (text.Length is < 2 or > 45)
        {
            return false;
        }

        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b != (byte)':' && b != (byte)'.' && !SmtpCharacters.IsHexDigit(b))
            {
                return false;
            }

            chars[i] = (char)b;
        }

        if (!IPAddress.TryParse(chars, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// <c>General-address-literal = Standardized-tag ":" 1*dcontent</c>,
    /// <c>Standardized-tag = Ldh-str</c>. Whether the tag is registered is not checked.
    /// </summary>
    public static bool GeneralAddressLiteral(ReadOnlySpan<byte> text)
    {
        var colon = text.IndexOf((byte)':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var tag = text[..colon];
        if (!SmtpCharacters.IsLetDig(tag[0]) || !SmtpCharacters.IsLetDig(tag[^1]))
        {
            return false;
        }

        foreach (var b in tag)
        {
            if (!SmtpCharacters.IsLetDig(b) && b != (byte)'-')
            {
                return false;
            }
        }

        foreach (var b in text[(colon + 1)..])
        {
            if (!SmtpCharacters.IsDcontent(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>esmtp-param = esmtp-keyword ["=" esmtp-value]</c>. Sets the ranges of the keyword and of
    /// the value (null when there is no "="). When the keyword matched but the value did not, the
    /// keyword range is still set, so the caller can name the parameter in its reply.
    /// </summary>
    public static bool EsmtpParam(ReadOnlySpan<byte> s, ref int position, out Range keyword, out Range? value)
    {
        value = null;
        var start = position;
        if (!EsmtpKeyword(s, ref position))
        {
            keyword = start..start;
            return false;
        }

        keyword = start..position;
        if (position < s.Length && s[position] == (byte)'=')
        {
            position++;
            var valueStart = position;
            var valid = EsmtpValue(s, ref position);
            value = valueStart..position;
            return valid;
        }

        return true;
    }

    /// <summary><c>esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")</c>.</summary>
    public static bool EsmtpKeyword(ReadOnlySpan<byte> s, ref int position)
    {
        if (position >= s.Length || !SmtpCharacters.IsLetDig(s[position]))
        {
            return false;
        }

        position++;
        while (position < s.Length && (SmtpCharacters.IsLetDig(s[position]) || s[position] == (byte)'-'))
        {
            position++;
        }

        return true;
    }

    /// <summary><c>esmtp-value = 1*(%d33-60 / %d62-126)</c>, extended with UTF8-non-ascii (RFC 6531 §3.3).</summary>
    public static bool EsmtpValue(ReadOnlySpan<byte> s, ref int position)
    {
        var start = position;
        while (position < s.Length)
        {
            if (SmtpCharacters.IsEsmtpValueChar(s[position]))
            {
                position++;
            }
            else if (!Utf8NonAscii(s, ref position))
            {
                break;
            }
        }

        return position > start;
    }

    /// <summary>RFC 6532 §3.1 <c>UTF8-non-ascii</c>: one well-formed multi-octet UTF-8 sequence.</summary>
    public static bool Utf8NonAscii(ReadOnlySpan<byte> s, ref int position)
    {
        if (position >= s.Length || s[position] < 0x80
            || Rune.DecodeFromUtf8(s[position..], out _, out var consumed) != OperationStatus.Done)
        {
            return false;
        }

        position += consumed;
        return true;
    }
}
