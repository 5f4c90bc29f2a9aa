using System.Buffers;
using System.Globalization;
using System.Text;
using Posta.Mime.Encodings;

namespace Posta.Mime.Headers;

/// <summary>
/// Parses "*(";" parameter)" (RFC 2045 §5.1) with RFC 2231 continuations, charsets and languages, and
/// the usual breakage: unquoted values with specials or spaces, missing closing quotes, missing
/// semicolons, RFC 2047 encoded words in quoted values, raw 8-bit.
/// </summary>
internal static class ParameterParser
{
    // Sections beyond this index are ignored: RFC 2231 sets no limit, this bounds the work per value.
    private const int MaxSection = 999;

    // Parameters past this many in one field are ignored: real fields carry a handful, and joining
    // RFC 2231 sections is quadratic in the count.
    private const int MaxParameters = 256;

    private readonly record struct RawParameter(string Attribute, int Section, bool Extended, byte[] Value, bool Quoted);

    public static IReadOnlyList<MimeParameter> Parse(ReadOnlySpan<byte> s, int i)
    {
        List<RawParameter>? raw = null;
        var buffer = new ArrayBufferWriter<byte>();
        while (i < s.Length && (raw is null || raw.Count < MaxParameters))
        {
            Lexer.SkipCfws(s, ref i);
            if (i >= s.Length)
                break;
            if (s[i] == ';')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && s[i] is not ((byte)'=' or (byte)';' or (byte)'"' or (byte)'(') && !ByteClass.IsFws(s[i]))
                i++;
            var attribute = s[start..i];
            Lexer.SkipCfws(s, ref i);
            if (attribute.IsEmpty || i >= s.Length || s[i] != '=')
            {
                SkipToSemicolon(s, ref i);
                continue;
            }

            i++;
            while (i < s.Length && ByteClass.IsFws(s[i]))
                i++;
            buffer.Clear();
            bool quoted;
            if (i < s.Length && s[i] == '"')
            {
                Lexer.ReadQuotedString(s, ref i, buffer);
                quoted = true;
                SkipToSemicolon(s, ref i);
            }
            else
            {
                var valueStart = i;
                while (i < s.Length && s[i] != ';')
                    i++;
                var value = StripTrailingComment(TrimUnfold(s[valueStart..i]));
                foreach (var b in value)
                {
                    if (b is not ((byte)'\r' or (byte)'\n'))
                        buffer.Write([b]);
                }

                quoted = false;
            }

            (raw ??= []).Add(Describe(attribute, buffer.WrittenSpan.ToArray(), quoted));
        }

        return raw is null ? [] : Assemble(raw);
    }

    private static void SkipToSemicolon(ReadOnlySpan<byte> s, ref int i)
    {
        while (i < s.Length && s[i] != ';')
        {
            if (s[i] == '"')
            {
                var sink = new ArrayBufferWriter<byte>();
                Lexer.ReadQuotedString(s, ref i, sink);
            }
            else
            {
                i++;
            }
        }
    }

    private static ReadOnlySpan<byte> TrimUnfold(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && ByteClass.IsFws(value[start]))
            start++;
        var end = value.Length;
        while (end > start && ByteClass.IsFws(value[end - 1]))
            end--;
        return value[start..end];
    }

    // "us-ascii (Plain text)": a comment after the value. Parentheses inside a value ("file (1).pdf") stay.
    private static ReadOnlySpan<byte> StripTrailingComment(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[^1] != ')')
            return value;
        var depth = 0;
        for (var k = value.Length - 1; k > 0; k--)
        {
            if (value[k] == ')')
                depth++;
            else if (value[k] == '(' && --depth == 0)
                return ByteClass.IsFws(value[k - 1]) ? TrimUnfold(value[..k]) : value;
        }

        return value;
    }

    private static RawParameter Describe(ReadOnlySpan<byte> attribute, byte[] value, bool quoted)
    {
        var name = Encoding.Latin1.GetString(attribute);
        var extended = false;
        var section = -1;
        if (name.EndsWith('*'))
        {
            extended = true;
            name = name[..^1];
        }

        var star = name.LastIndexOf('*');
        if (star > 0 && int.TryParse(name.AsSpan(star + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= MaxSection)
        {
            section = number;
            name = name[..star];
        }

        return new RawParameter(name, section, extended, value, quoted);
    }

    private static List<MimeParameter> Assemble(List<RawParameter> raw)
    {
        var result = new List<MimeParameter>(raw.Count);
        var done = new bool[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            if (done[i])
                continue;
            var first = raw[i];
            if (first.Section < 0 && !first.Extended)
            {
                // A plain value yields to an RFC 2231 form of the same name, which carries more.
                if (!HasRfc2231Form(raw, i, first.Attribute))
                    result.Add(Plain(first));
                done[i] = true;
                continue;
            }

            var group = new List<RawParameter>();
            for (var j = i; j < raw.Count; j++)
            {
                var candidate = raw[j];
                if (!done[j] && (candidate.Section >= 0 || candidate.Extended) && string.Equals(candidate.Attribute, first.Attribute, StringComparison.OrdinalIgnoreCase))
                {
                    group.Add(candidate);
                    done[j] = true;
                }
            }

            result.Add(Continued(group));
        }

        return result;
    }

    private static bool HasRfc2231Form(List<RawParameter> raw, int index, string name)
    {
        for (var j = 0; j < raw.Count; j++)
        {
            if (j != index && (raw[j].Section >= 0 || raw[j].Extended) && string.Equals(raw[j].Attribute, name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static MimeParameter Plain(RawParameter p)
    {
        var value = p.Value;
        string decoded;
        if (EncodedWords.ContainsEncodedWord(value))
            decoded = EncodedWords.DecodeUnstructured(value);
        else
            decoded = Charsets.DecodeUnlabelled(value);
        return new MimeParameter(p.Attribute, decoded, p.Attribute, value, value);
    }

    private static MimeParameter Continued(List<RawParameter> group)
    {
        // Stable sort by section; a sectionless "name*" counts as section 0.
        var ordered = group.Select((p, index) => (p, index)).OrderBy(x => Math.Max(0, x.p.Section)).ThenBy(x => x.index).Select(x => x.p).ToList();
        string? charset = null;
        var language = ReadOnlySpan<byte>.Empty;
        var bytes = new ArrayBufferWriter<byte>();
        var wire = new ArrayBufferWriter<byte>();
        var anyExtended = ordered.Any(p => p.Extended);
        var first = true;
        foreach (var part in ordered)
        {
            ReadOnlySpan<byte> value = part.Value;
            if (part.Extended)
            {
                if (first)
                {
                    // RFC 2231 §4: charset'language'value on the first (extended) section only.
                    var q1 = value.IndexOf((byte)'\'');
                    var q2 = q1 < 0 ? -1 : value[(q1 + 1)..].IndexOf((byte)'\'');
                    if (q2 >= 0)
                    {
                        charset = q1 > 0 ? Encoding.Latin1.GetString(value[..q1]) : null;
                        language = value.Slice(q1 + 1, q2);
                        value = value[(q1 + q2 + 2)..];
                    }
                }

                PercentDecode(value, bytes);
                wire.Write(value);
            }
            else
            {
                bytes.Write(value);
                if (anyExtended)
                    PercentEncode(value, wire);
                else
                    wire.Write(value);
            }

            first = false;
        }

        string decoded;
        if (charset is null && !anyExtended && EncodedWords.ContainsEncodedWord(bytes.WrittenSpan))
            decoded = EncodedWords.DecodeUnstructured(bytes.WrittenSpan);
        else
            decoded = Charsets.Decode(bytes.WrittenSpan, charset);

        var name = group[0].Attribute;
        if (!anyExtended)
            return new MimeParameter(name, decoded, name, wire.WrittenSpan.ToArray(), bytes.WrittenSpan.ToArray());

        var wireValue = new ArrayBufferWriter<byte>();
        wireValue.Write(Encoding.ASCII.GetBytes(charset ?? string.Empty));
        wireValue.Write("'"u8);
        wireValue.Write(language);
        wireValue.Write("'"u8);
        wireValue.Write(wire.WrittenSpan);
        return new MimeParameter(name, decoded, name + "*", wireValue.WrittenSpan.ToArray(), bytes.WrittenSpan.ToArray());
    }

    private static void PercentDecode(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(value.Length);
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && ByteClass.IsHex(value[i + 1]) && ByteClass.IsHex(value[i + 2]))
            {
                span[n++] = (byte)((ByteClass.HexValue(value[i + 1]) << 4) | ByteClass.HexValue(value[i + 2]));
                i += 2;
            }
            else
            {
                span[n++] = value[i];
            }
        }

        output.Advance(n);
    }

    private static void PercentEncode(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        foreach (var b in value)
        {
            if (ByteClass.IsToken(b) && b < 0x80 && b is not ((byte)'%' or (byte)'*' or (byte)'\''))
            {
                output.Write([b]);
            }
            else
            {
                output.Write([(byte)'%', (byte)"0123456789ABCDEF"[b >> 4], (byte)"0123456789ABCDEF"[b & 15]]);
            }
        }
    }
}
