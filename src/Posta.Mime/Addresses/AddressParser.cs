using System.Buffers;
using System.Text;
using Posta.Mime.Headers;

namespace Posta.Mime.Addresses;

/// <summary>
/// Parses RFC 5322 §3.4 address lists with the obsolete syntax of §4.4 (routes, dotted phrases, empty
/// list elements, CFWS anywhere) and real-world breakage (missing "&gt;" or ";", raw UTF-8, encoded words
/// in quoted names, garbage between addresses). Never throws; what cannot be read is skipped.
/// </summary>
public static class AddressParser
{
    // Bounds the work per header; RFC 5322 sets no limit, Postfix's header_address_token_limit is 10240 tokens.
    private const int MaxAddresses = 10_240;

    private enum WordKind
    {
        Atom,
        Quoted,
        Dot,
    }

    private readonly record struct Word(WordKind Kind, int Start, int End, byte[]? Unquoted);

    /// <summary>Parses an address-list header value (folding allowed).</summary>
    public static IReadOnlyList<Address> Parse(ReadOnlySpan<byte> value)
    {
        var result = new List<Address>();
        var i = 0;
        while (i < value.Length && result.Count < MaxAddresses)
        {
            Lexer.SkipCfws(value, ref i);
            if (i >= value.Length)
                break;
            if (value[i] is (byte)',' or (byte)';' or (byte)'>')
            {
                i++;
                continue;
            }

            var before = i;
            var address = ParseAddress(value, ref i, allowGroup: true);
            if (address is not null)
                result.Add(address);
            SkipGarbage(value, ref i);
            if (i == before)
                i++;
        }

        return result;
    }

    /// <summary>Parses an address-list given as text.</summary>
    public static IReadOnlyList<Address> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Parse(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Every mailbox of a list, group members included, in order.</summary>
    public static IEnumerable<MailboxAddress> Mailboxes(IEnumerable<Address> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (address is MailboxAddress mailbox)
            {
                yield return mailbox;
            }
            else if (address is GroupAddress group)
            {
                foreach (var member in group.Members)
                    yield return member;
            }
        }
    }

    private static void SkipGarbage(ReadOnlySpan<byte> s, ref int i)
    {
        while (i < s.Length && s[i] != ',')
        {
            if (s[i] == '"')
            {
                Lexer.ReadQuotedString(s, ref i, new ArrayBufferWriter<byte>());
            }
            else if (s[i] == '(')
            {
                Lexer.SkipCfws(s, ref i);
            }
            else
            {
                i++;
            }
        }
    }

    private static Address? ParseAddress(ReadOnlySpan<byte> s, ref int i, bool allowGroup)
    {
        var words = new List<Word>();
        while (true)
        {
            Lexer.SkipCfws(s, ref i);
            if (i >= s.Length)
                break;
            var c = s[i];
            if (c == '"')
            {
                var start = i;
                var buffer = new ArrayBufferWriter<byte>();
                Lexer.ReadQuotedString(s, ref i, buffer);
                words.Add(new Word(WordKind.Quoted, start, i, buffer.WrittenSpan.ToArray()));
            }
            else if (c == '<')
            {
                return ParseAngleAddress(s, ref i, Phrase(s, words));
            }
            else if (c == ':' && allowGroup && words.Count > 0)
            {
                i++;
                return ParseGroup(s, ref i, Phrase(s, words));
            }
            else if (c == '@')
            {
                var local = LocalPart(s, words);
                i++;
                var domain = ParseDomain(s, ref i);
                var comment = Lexer.SkipCfws(s, ref i);
                byte[]? rawComment = comment.Equals(default(Range)) ? null : Unfold(s[comment]);
                return new MailboxAddress([], rawComment, null, local, domain);
            }
            else if (c is (byte)',' or (byte)';' or (byte)'>')
            {
                break;
            }
            else if (c == '.')
            {
                words.Add(new Word(WordKind.Dot, i, i + 1, null));
                i++;
            }
            else
            {
                var start = i;
                i = AtomEnd(s, i);
                words.Add(new Word(WordKind.Atom, start, i, null));
            }
        }

        if (words.Count == 0)
            return null;
        // A word or phrase with no "@" and no "<": a local part without domain, as Python and Dovecot read it.
        return new MailboxAddress([], null, null, LocalPart(s, words), null);
    }

    private static int AtomEnd(ReadOnlySpan<byte> s, int i)
    {
        var start = i;
        while (i < s.Length)
        {
            var b = s[i];
            if (ByteClass.IsFws(b) || b is (byte)'(' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)',' or (byte)';' or (byte)':' or (byte)'"' or (byte)'.')
                break;
            i++;
        }

        // A stray special (")", "\", "[", "]") is taken as text so the parse always moves on.
        return i == start ? i + 1 : i;
    }

    private static MailboxAddress ParseAngleAddress(ReadOnlySpan<byte> s, ref int i, byte[] displayName)
    {
        i++;
        Lexer.SkipCfws(s, ref i);
        string? route = null;
        if (i < s.Length && s[i] == '@')
        {
            // obs-route = obs-domain-list ":"
            var start = i;
            var colon = s[i..].IndexOfAny((byte)':', (byte)'>');
            if (colon >= 0 && s[i + colon] == ':')
            {
                var text = Encoding.Latin1.GetString(Unfold(s.Slice(start, colon)));
                route = string.Join(',', text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                i += colon + 1;
            }
        }

        var words = new List<Word>();
        byte[]? domain = null;
        while (i < s.Length)
        {
            Lexer.SkipCfws(s, ref i);
            if (i >= s.Length)
                break;
            var c = s[i];
            if (c == '>')
            {
                i++;
                break;
            }

            if (c == '@')
            {
                i++;
                domain = ParseDomain(s, ref i);
                continue;
            }

            if (c == ',' && domain is not null)
                break;
            if (c == '"')
            {
                var start = i;
                var buffer = new ArrayBufferWriter<byte>();
                Lexer.ReadQuotedString(s, ref i, buffer);
                words.Add(new Word(WordKind.Quoted, start, i, buffer.WrittenSpan.ToArray()));
            }
            else if (c == '.')
            {
                words.Add(new Word(WordKind.Dot, i, i + 1, null));
                i++;
            }
            else if (c is (byte)'<' or (byte)',' or (byte)':' or (byte)';')
            {
                i++;
            }
            else
            {
                var start = i;
                i = AtomEnd(s, i);
                words.Add(new Word(WordKind.Atom, start, i, null));
            }
        }

        return new MailboxAddress(displayName, null, route, LocalPart(s, words), domain);
    }

    private static GroupAddress ParseGroup(ReadOnlySpan<byte> s, ref int i, byte[] name)
    {
        var members = new List<MailboxAddress>();
        while (i < s.Length && members.Count < MaxAddresses)
        {
            Lexer.SkipCfws(s, ref i);
            if (i >= s.Length)
                break;
            if (s[i] == ';')
            {
                i++;
                break;
            }

            if (s[i] is (byte)',' or (byte)'>' or (byte)':')
            {
                i++;
                continue;
            }

            var before = i;
            if (ParseAddress(s, ref i, allowGroup: false) is MailboxAddress member)
                members.Add(member);
            if (i == before)
                i++;
        }

        return new GroupAddress(name, members);
    }

    private static byte[] ParseDomain(ReadOnlySpan<byte> s, ref int i)
    {
        var domain = new ArrayBufferWriter<byte>();
        Lexer.SkipCfws(s, ref i);
        if (i < s.Length && s[i] == '[')
        {
            var end = s[i..].IndexOf((byte)']');
            var literal = end < 0 ? s[i..] : s.Slice(i, end + 1);
            domain.Write(Unfold(literal));
            i += literal.Length;
            return domain.WrittenSpan.ToArray();
        }

        var expectLabel = true;
        while (i < s.Length)
        {
            var b = s[i];
            if (b == '.')
            {
                domain.Write("."u8);
                i++;
                expectLabel = true;
            }
            else if (expectLabel && !ByteClass.IsFws(b) && b is not ((byte)'(' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)',' or (byte)';' or (byte)':' or (byte)'"' or (byte)'[' or (byte)']'))
            {
                var start = i;
                while (i < s.Length && !ByteClass.IsFws(s[i]) && s[i] is not ((byte)'(' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)',' or (byte)';' or (byte)':' or (byte)'"' or (byte)'.' or (byte)'[' or (byte)']'))
                    i++;
                domain.Write(s[start..i]);
                expectLabel = false;
            }
            else
            {
                break;
            }

            // obs-domain allows CFWS around the dots.
            var save = i;
            Lexer.SkipCfws(s, ref i);
            if (i >= s.Length || s[i] != '.' && !expectLabel)
            {
                i = save;
                break;
            }
        }

        return domain.WrittenSpan.ToArray();
    }

    private static byte[] LocalPart(ReadOnlySpan<byte> s, List<Word> words)
    {
        var local = new ArrayBufferWriter<byte>();
        foreach (var word in words)
        {
            if (word.Kind == WordKind.Dot)
                local.Write("."u8);
            else if (word.Kind == WordKind.Quoted)
                local.Write(word.Unquoted);
            else
                local.Write(s[word.Start..word.End]);
        }

        return local.WrittenSpan.ToArray();
    }

    // Display-name words joined by single spaces; a dot (obs-phrase) sticks to the word before it.
    private static byte[] Phrase(ReadOnlySpan<byte> s, List<Word> words)
    {
        var phrase = new ArrayBufferWriter<byte>();
        var previousWasDot = true;
        foreach (var word in words)
        {
            if (word.Kind == WordKind.Dot)
            {
                phrase.Write("."u8);
                previousWasDot = false;
                continue;
            }

            if (phrase.WrittenCount > 0 && !previousWasDot)
                phrase.Write(" "u8);
            previousWasDot = false;
            phrase.Write(word.Kind == WordKind.Quoted ? word.Unquoted : s[word.Start..word.End]);
        }

        return phrase.WrittenSpan.ToArray();
    }

    private static byte[] Unfold(ReadOnlySpan<byte> s)
    {
        var result = new byte[s.Length];
        var n = 0;
        foreach (var b in s)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
                result[n++] = b;
        }

        return result.AsSpan(0, n).ToArray();
    }
}
