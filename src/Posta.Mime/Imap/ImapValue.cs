using System.Text;

namespace Posta.Mime.Imap;

/// <summary>
/// A value of the IMAP response grammar (RFC 9051 §4): NIL, a string, a number or a parenthesised list.
/// The IMAP writer serialises it and chooses between quoted string and literal; <see cref="ToString"/>
/// gives a reference rendering (quoted where possible, otherwise a literal).
/// </summary>
public abstract class ImapValue
{
    private protected ImapValue()
    {
    }

    /// <summary>Appends the reference rendering to <paramref name="output"/>.</summary>
    public abstract void WriteTo(StringBuilder output);

    /// <inheritdoc/>
    public override string ToString()
    {
        var output = new StringBuilder();
        WriteTo(output);
        return output.ToString();
    }
}
