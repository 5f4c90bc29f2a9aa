using System.Globalization;
using System.Text;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// One element of a parsed IMAP response (RFC 9051 §9 response syntax, as far as FETCH needs it): an
/// atom (NIL and numbers included), a string (quoted or literal: the octets it stands for) or a
/// parenthesised list. <see cref="SpaceBefore"/> records whether whitespace separated the element from
/// the one before it, so the grammar's adjacent lists ("1*body", "1*address") stay visible.
/// </summary>
internal sealed class DovecotReply
{
    private DovecotReply(DovecotReplyKind kind, byte[] bytes, IReadOnlyList<DovecotReply> items, bool spaceBefore)
    {
        Kind = kind;
        Bytes = bytes;
        Items = items;
        SpaceBefore = spaceBefore;
    }

    public DovecotReplyKind Kind { get; }

    /// <summary>The atom's text or the string's octets.</summary>
    public byte[] Bytes { get; }

    public IReadOnlyList<DovecotReply> Items { get; }

    public bool SpaceBefore { get; }

    public string Atom => Encoding.ASCII.GetString(Bytes);

    /// <summary>Parses a whole response (as <see cref="ImapResponseReader"/> returns it) into a list of its elements.</summary>
    public static DovecotReply Parse(byte[] response)
    {
        var position = 0;
        var items = ParseItems(response, ref position, inList: false);
        return new DovecotReply(DovecotReplyKind.List, [], items, spaceBefore: false);
    }

    /// <summary>The value after the atom <paramref name="name"/> in this list (a FETCH msg-att), or null.</summary>
    public DovecotReply? Attribute(string name)
    {
        for (var i = 0; i + 1 < Items.Count; i += 2)
        {
            if (Items[i].Kind == DovecotReplyKind.Atom && string.Equals(Items[i].Atom, name, StringComparison.OrdinalIgnoreCase))
                return Items[i + 1];
        }

        return null;
    }

    private static List<DovecotReply> ParseItems(byte[] data, ref int position, bool inList)
    {
        var items = new List<DovecotReply>();
        while (true)
        {
            var start = position;
            while (position < data.Length && data[position] is (byte)' ' or (byte)'\t')
                position++;
            var spaced = position > start;
            if (position >= data.Length || data[position] is (byte)'\r' or (byte)'\n')
            {
                if (inList)
                    throw new FormatException("response ends inside a list: " + Preview(data));
                return items;
            }

            switch (data[position])
            {
                case (byte)')':
                    if (!inList)
                        throw new FormatException("unbalanced ')' in response: " + Preview(data));
                    position++;
                    return items;
                case (byte)'(':
                    position++;
                    var list = ParseItems(data, ref position, inList: true);
                    items.Add(new DovecotReply(DovecotReplyKind.List, [], list, spaced));
                    break;
                case (byte)'"':
                    items.Add(new DovecotReply(DovecotReplyKind.String, Quoted(data, ref position), [], spaced));
                    break;
                case (byte)'{':
                    items.Add(new DovecotReply(DovecotReplyKind.String, Literal(data, ref position), [], spaced));
                    break;
                default:
                    var atomStart = position;
                    while (position < data.Length && data[position] is not ((byte)' ' or (byte)'(' or (byte)')' or (byte)'"' or (byte)'{' or (byte)'\r' or (byte)'\n'))
                        position++;
                    items.Add(new DovecotReply(DovecotReplyKind.Atom, data[atomStart..position], [], spaced));
                    break;
            }
        }
    }

    private static byte[] Quoted(byte[] data, ref int position)
    {
        var value = new List<byte>();
        position++;
        while (position < data.Length && data[position] != '"')
        {
            if (data[position] == '\\' && position + 1 < data.Length)
                position++;
            value.Add(data[position++]);
        }

        if (position >= data.Length)
            throw new FormatException("unterminated quoted string: " + Preview(data));
        position++;
        return [.. value];
    }

    private static byte[] Literal(byte[] data, ref int position)
    {
        var close = Array.IndexOf(data, (byte)'}', position);
        if (close < 0 || close + 2 >= data.Length || data[close + 1] != '\r' || data[close + 2] != '\n')
            throw new FormatException("malformed literal: " + Preview(data));
        var digits = Encoding.ASCII.GetString(data, position + 1, close - position - 1).TrimEnd('+');
        var length = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var start = close + 3;
        position = start + length;
        return data[start..position];
    }

    private static string Preview(byte[] data) => Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 300));
}
