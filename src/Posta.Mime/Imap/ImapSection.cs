using System.Globalization;
using System.Text;

namespace Posta.Mime.Imap;

/// <summary>A section-spec of FETCH BODY[...] / BINARY[...] (RFC 3501 §6.4.5, RFC 9051 §6.4.5, RFC 3516).</summary>
public sealed class ImapSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="part">Part numbers, each at least 1; empty for the message itself.</param>
    /// <param name="text">The text specifier.</param>
    /// <param name="fields">Field names for HEADER.FIELDS and HEADER.FIELDS.NOT.</param>
    public ImapSection(IReadOnlyList<int> part, ImapSectionText text = ImapSectionText.None, IReadOnlyList<string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Any(n => n < 1))
            throw new ArgumentException("Part numbers start at 1.", nameof(part));
        if (text == ImapSectionText.Mime && part.Count == 0)
            throw new ArgumentException("MIME needs a part number.", nameof(text));
        var isFields = text is ImapSectionText.HeaderFields or ImapSectionText.HeaderFieldsNot;
        if (isFields != (fields is { Count: > 0 }))
            throw new ArgumentException("HEADER.FIELDS and HEADER.FIELDS.NOT, and only they, take one or more field names.", nameof(fields));
        Part = part;
        Text = text;
        Fields = fields ?? [];
    }

    /// <summary>Part numbers; empty for the message itself.</summary>
    public IReadOnlyList<int> Part { get; }

    /// <summary>The text specifier.</summary>
    public ImapSectionText Text { get; }

    /// <summary>Field names for HEADER.FIELDS and HEADER.FIELDS.NOT.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Parses what goes between the brackets: "", "1.2", "1.MIME", "HEADER.FIELDS (From To)", "2.TEXT".</summary>
    public static bool TryParse(string? spec, out ImapSection? section)
    {
        section = null;
        if (spec is null)
            return false;
        var part = new List<int>();
        var i = 0;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            var start = i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i]))
                i++;
            if (!int.TryParse(spec.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                return false;
            part.Add(number);
            if (i == spec.Length)
                break;
            if (spec[i] != '.')
                return false;
            i++;
            if (i == spec.Length)
                return false;
        }

        var rest = spec.AsSpan(i);
        ImapSectionText text;
        List<string>? fields = null;
        if (rest.IsEmpty)
        {
            text = ImapSectionText.None;
        }
        else if (rest.Equals("HEADER", StringComparison.OrdinalIgnoreCase))
        {
            text = ImapSectionText.Header;
        }
        else if (rest.Equals("TEXT", StringComparison.OrdinalIgnoreCase))
        {
            text = ImapSectionText.Text;
        }
        else if (rest.Equals("MIME", StringComparison.OrdinalIgnoreCase))
        {
            if (part.Count == 0)
                return false;
            text = ImapSectionText.Mime;
        }
        else if (rest.StartsWith("HEADER.FIELDS.NOT ", StringComparison.OrdinalIgnoreCase))
        {
            text = ImapSectionText.HeaderFieldsNot;
            fields = ParseFieldList(rest["HEADER.FIELDS.NOT ".Length..]);
        }
        else if (rest.StartsWith("HEADER.FIELDS ", StringComparison.OrdinalIgnoreCase))
        {
            text = ImapSectionText.HeaderFields;
            fields = ParseFieldList(rest["HEADER.FIELDS ".Length..]);
        }
        else
        {
            return false;
        }

        if (text is ImapSectionText.HeaderFields or ImapSectionText.HeaderFieldsNot && fields is not { Count: > 0 })
            return false;
        section = new ImapSection(part, text, fields);
        return true;
    }

    // header-list = "(" header-fld-name *(SP header-fld-name) ")", header-fld-name = astring
    private static List<string>? ParseFieldList(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != '(' || s[^1] != ')')
            return null;
        s = s[1..^1];
        var fields = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == ' ')
            {
                i++;
                continue;
            }

            var name = new StringBuilder();
            if (s[i] == '"')
            {
                i++;
                while (i < s.Length && s[i] != '"')
                {
                    if (s[i] == '\\' && i + 1 < s.Length)
                        i++;
                    name.Append(s[i++]);
                }

                if (i >= s.Length)
                    return null;
                i++;
            }
            else
            {
                while (i < s.Length && s[i] is not (' ' or '(' or ')' or '"'))
                    name.Append(s[i++]);
                if (i < s.Length && s[i] != ' ')
                    return null;
            }

            fields.Add(name.ToString());
        }

        return fields;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder(string.Join('.', Part));
        var keyword = Text switch
        {
            ImapSectionText.Header => "HEADER",
            ImapSectionText.HeaderFields => "HEADER.FIELDS",
            ImapSectionText.HeaderFieldsNot => "HEADER.FIELDS.NOT",
            ImapSectionText.Text => "TEXT",
            ImapSectionText.Mime => "MIME",
            _ => null,
        };
        if (keyword is not null)
        {
            if (Part.Count > 0)
                text.Append('.');
            text.Append(keyword);
        }

        if (Fields.Count > 0)
            text.Append(" (").AppendJoin(' ', Fields).Append(')');
        return text.ToString();
    }
}
