using System.Buffers;

namespace Posta.Mime.Headers;

/// <summary>RFC 5322 §3.2 lexical pieces over a still-folded header value: CFWS, quoted strings, tokens.</summary>
internal static class Lexer
{
    // Comments nest (RFC 5322 §3.2.2); the depth is capped so hostile input cannot make it matter.
    private const int MaxCommentDepth = 64;

    /// <summary>Skips folding whitespace and comments; returns the span of the last comment's text.</summary>
    public static Range SkipCfws(ReadOnlySpan<byte> s, ref int i)
    {
        Range lastComment = default;
        while (i < s.Length)
        {
            var b = s[i];
            if (ByteClass.IsFws(b))
            {
                i++;
            }
            else if (b == '(')
            {
                var start = i + 1;
                var depth = 0;
                while (i < s.Length)
                {
                    var c = s[i];
                    if (c == '\\')
                    {
                        i += 2;
                        continue;
                    }

                    if (c == '(' && depth < MaxCommentDepth)
                        depth++;
                    else if (c == ')' && --depth == 0)
                        break;
                    i++;
                }

                var end = Math.Min(i, s.Length);
                lastComment = start..end;
                if (i < s.Length)
                    i++;
            }
            else
            {
                break;
            }
        }

        return lastComment;
    }

    /// <summary>Reads a quoted string starting at the opening quote; a missing closing quote runs to the end.</summary>
    public static void ReadQuotedString(ReadOnlySpan<byte> s, ref int i, IBufferWriter<byte> output)
    {
        i++;
        while (i < s.Length)
        {
            var run = s[i..];
            var stop = run.IndexOfAny("\"\\\r\n"u8);
            if (stop < 0)
            {
                output.Write(run);
                i = s.Length;
                return;
            }

            output.Write(run[..stop]);
            i += stop;
            var b = s[i];
            if (b == '"')
            {
                i++;
                return;
            }

            if (b == '\\')
            {
                if (i + 1 < s.Length)
                    output.Write(s.Slice(i + 1, 1));
                i += 2;
            }
            else
            {
                // Folding inside a quoted string: CRLF is removed, the WSP after it stays.
                i++;
            }
        }
    }

    /// <summary>Reads an RFC 2045 token.</summary>
    public static ReadOnlySpan<byte> ReadToken(ReadOnlySpan<byte> s, scoped ref int i)
    {
        var start = i;
        while (i < s.Length && ByteClass.IsToken(s[i]))
            i++;
        return s[start..i];
    }
}
