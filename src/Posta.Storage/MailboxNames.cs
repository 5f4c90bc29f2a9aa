using System.Text;

namespace Posta.Storage;

/// <summary>
/// Rules for mailbox names. Names are kept as given (UTF-8) except INBOX, which IMAP compares
/// case-insensitively and the store always spells upper-case, also as the first level of a longer name.
/// Names are keys in the database only; they never become file paths.
/// </summary>
internal static class MailboxNames
{
    public const char Separator = '/';
    public const string Inbox = "INBOX";

    // Dovecot's default mailbox_list limit is 255 per level; a whole name this long is already unusable
    // in any client, and the limit keeps a hostile name from bloating every LIST response.
    public const int MaxUtf8Bytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Validates a name and returns its stored form.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new InvalidMailboxNameException("A mailbox name cannot be empty.");
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            throw new InvalidMailboxNameException("A mailbox name must be valid Unicode.");
        }

        if (bytes > MaxUtf8Bytes)
        {
            throw new InvalidMailboxNameException($"A mailbox name is at most {MaxUtf8Bytes} bytes.");
        }

        if (name[0] == Separator || name[^1] == Separator || name.Contains("//", StringComparison.Ordinal))
        {
            throw new InvalidMailboxNameException("A mailbox name cannot have an empty hierarchy level.");
        }

        foreach (var c in name)
        {
            // RFC 9051 §5.1: % and * are LIST wildcards; control characters break LIST output.
            if (char.IsControl(c) || c is '%' or '*')
            {
                throw new InvalidMailboxNameException("A mailbox name cannot contain control characters, % or *.");
            }
        }

        if (IsInboxLevel(name, 0))
        {
            return name.Length == Inbox.Length ? Inbox : string.Concat(Inbox, name.AsSpan(Inbox.Length));
        }

        return name;
    }

    /// <summary>The stored form of a name, or null when no mailbox can have that name.</summary>
    public static string? TryNormalize(string name)
    {
        try
        {
            return Normalize(name);
        }
        catch (InvalidMailboxNameException)
        {
            return null;
        }
    }

    public static bool IsInbox(string normalized) => normalized == Inbox;

    /// <summary>The superior levels of a stored name, shortest first: "a/b/c" gives "a", "a/b".</summary>
    public static IEnumerable<string> Parents(string normalized)
    {
        for (var i = normalized.IndexOf(Separator, StringComparison.Ordinal); i > 0; i = normalized.IndexOf(Separator, i + 1))
        {
            yield return normalized[..i];
        }
    }

    /// <summary>Whether <paramref name="name"/> lies below <paramref name="ancestor"/> in the hierarchy.</summary>
    public static bool IsBelow(string name, string ancestor) =>
        name.Length > ancestor.Length + 1
        && name[ancestor.Length] == Separator
        && name.StartsWith(ancestor, StringComparison.Ordinal);

    private static bool IsInboxLevel(string name, int start) =>
        name.Length - start >= Inbox.Length
        && name.AsSpan(start, Inbox.Length).Equals(Inbox, StringComparison.OrdinalIgnoreCase)
        && (name.Length == start + Inbox.Length || name[start + Inbox.Length] == Separator);
}
