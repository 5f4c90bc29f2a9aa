namespace Posta.Storage;

/// <summary>
/// IMAP keywords: atoms (RFC 9051 §9 flag-keyword) compared case-insensitively, each kept once in the
/// case first given. Stored as one space-separated string, which atoms cannot contain.
/// </summary>
internal static class Keywords
{
    // Dovecot limits a keyword to 255 characters as well; longer ones are refused rather than cut.
    public const int MaxLength = 255;

    public static IReadOnlyList<string> Parse(string stored) =>
        stored.Length == 0 ? [] : stored.Split(' ');

    public static string Format(IReadOnlyList<string> keywords) => string.Join(' ', keywords);

    /// <summary>Checks each keyword and drops case-insensitive repeats.</summary>
    public static List<string> Normalize(IReadOnlyList<string>? keywords)
    {
        var result = new List<string>(keywords?.Count ?? 0);
        if (keywords is null)
        {
            return result;
        }

        foreach (var keyword in keywords)
        {
            Validate(keyword);
            if (!Contains(result, keyword))
            {
                result.Add(keyword);
            }
        }

        return result;
    }

    /// <summary>Applies a STORE to a keyword list; returns the same instance when nothing changes.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> current, FlagChangeMode mode, List<string> change)
    {
        switch (mode)
        {
            case FlagChangeMode.Replace:
                return SameSet(current, change) ? current : change;
            case FlagChangeMode.Add:
                List<string>? added = null;
                foreach (var keyword in change)
                {
                    if (!Contains(current, keyword))
                    {
                        added ??= [.. current];
                        added.Add(keyword);
                    }
                }

                return added ?? current;
            default:
                if (!current.Any(k => Contains(change, k)))
                {
                    return current;
                }

                return current.Where(k => !Contains(change, k)).ToList();
        }
    }

    private static void Validate(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        if (keyword.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"A keyword has 1 to {MaxLength} characters.", nameof(keyword));
        }

        foreach (var c in keyword)
        {
            // atom-specials (RFC 9051 §9) plus "]" (resp-specials) and "\" (system flags only).
            if (c <= ' ' || c >= 0x7f || c is '(' or ')' or '{' or '%' or '*' or '"' or '\\' or ']')
            {
                throw new ArgumentException($"\"{keyword}\" is not an IMAP keyword atom.", nameof(keyword));
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> list, string keyword)
    {
        foreach (var k in list)
        {
            if (string.Equals(k, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(k => Contains(b, k));
}
