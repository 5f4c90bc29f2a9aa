using System.Text;
using Posta.Smtp.Protocol.Parsing;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// An envelope address (RFC 5321 §4.1.2 <c>Mailbox</c>): the local part as the client meant it
/// (a quoted-string is unquoted and its quoted-pairs resolved), and the domain as written
/// (a domain name, possibly with U-labels, or an address literal with its brackets). The case of
/// both is kept: local parts are case-sensitive (RFC 5321 §2.4) and domains are compared by the
/// session.
/// </summary>
/// <param name="LocalPart">The local part, unquoted.</param>
/// <param name="Domain">
/// The domain or address literal; empty for RCPT TO:&lt;Postmaster&gt; and, unless
/// <see cref="SmtpParserOptions.StrictPathSyntax"/>, for an unqualified address, which the session
/// qualifies or refuses.
/// </param>
public sealed record Mailbox(string LocalPart, string Domain)
{
    /// <summary>
    /// True when the local part or the domain holds non-ASCII characters, which RFC 6531 allows
    /// only in a transaction whose MAIL command carried SMTPUTF8. The parser accepts such
    /// addresses; the session decides (553/550 5.6.7 otherwise, RFC 6531 §3.5).
    /// </summary>
    public bool IsUtf8 => !Ascii.IsValid(LocalPart) || !Ascii.IsValid(Domain);

    /// <summary>True when the domain is an address literal such as "[192.0.2.1]".</summary>
    public bool IsAddressLiteral => Domain.StartsWith('[');

    /// <summary>
    /// True for RFC 5321 §4.1.1.3's "&lt;Postmaster&gt;": the local part "Postmaster" in any case
    /// and no domain. "Postmaster@domain" is an ordinary address, for the session to resolve.
    /// </summary>
    public bool IsPostmaster => Domain.Length == 0 && LocalPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The address in RFC 5321 form: the local part as a Dot-string when it is one, otherwise as a
    /// Quoted-string; then "@" and the domain. Angle brackets are not included.
    /// </summary>
    public override string ToString()
    {
        var local = IsDotString(LocalPart) ? LocalPart : Quote(LocalPart);
        return Domain.Length == 0 ? local : string.Concat(local, "@", Domain);
    }

    private static bool IsDotString(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' ? text[i - 1] == '.' : !(c > 0x7F || SmtpCharacters.IsAtext((byte)c)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }
}
