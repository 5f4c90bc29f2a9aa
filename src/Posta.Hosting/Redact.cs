namespace Posta.Hosting;

/// <summary>
/// Masks credentials in protocol transcripts before they are logged: a password or SASL payload
/// never reaches a log (DESIGN §4).
/// </summary>
public static class Redact
{
    /// <summary>What replaces a secret. Sessions log SASL continuation lines (the replies to
    /// "334" or "+") as just this.</summary>
    public const string Mask = "***";

    /// <summary>
    /// One client command line with its credentials masked: SMTP/LMTP "AUTH mech ***", IMAP
    /// "tag AUTHENTICATE mech ***" and "tag LOGIN ***", POP3 "PASS ***" and "APOP name ***",
    /// ManageSieve "AUTHENTICATE "mech" ***". Other lines come back unchanged.
    /// </summary>
    public static string CommandLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var body = line.TrimEnd('\r', '\n');
        var ending = line[body.Length..];

        Span<Range> tokens = stackalloc Range[3];
        var count = Tokenize(body, tokens);
        if (count == 0)
        {
            return line;
        }

        // IMAP puts a tag before the command.
        var keyword = -1;
        for (var i = 0; i < Math.Min(count, 2) && keyword < 0; i++)
        {
            if (Keep(body[tokens[i]]) is not null)
            {
                keyword = i;
            }
        }

        if (keyword < 0)
        {
            return line;
        }

        // The mechanism (AUTH PLAIN) or the user name (APOP) is not secret and helps debugging.
        var keep = keyword + Keep(body[tokens[keyword]])!.Value;
        if (keep >= count)
        {
            return line;
        }

        var end = tokens[keep].End.Value;
        return end >= body.Length || body.AsSpan(end).IsWhiteSpace()
            ? line
            : string.Concat(body.AsSpan(0, end), " ", Mask, ending);
    }

    /// <summary>How many tokens after the keyword stay visible, or null when it is not a secret-bearing command.</summary>
    private static int? Keep(ReadOnlySpan<char> token) =>
        token.Equals("AUTH", StringComparison.OrdinalIgnoreCase)
        || token.Equals("AUTHENTICATE", StringComparison.OrdinalIgnoreCase)
        || token.Equals("APOP", StringComparison.OrdinalIgnoreCase)
            ? 1
            : token.Equals("LOGIN", StringComparison.OrdinalIgnoreCase) || token.Equals("PASS", StringComparison.OrdinalIgnoreCase)
                ? 0
                : null;

    private static int Tokenize(string text, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (count < tokens.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            tokens[count++] = start..i;
        }

        return count;
    }
}
