using System.Text;

namespace Posta.Mime.Imap;

/// <summary>NIL.</summary>
public sealed class ImapNil : ImapValue
{
    private ImapNil()
    {
    }

    /// <summary>The one NIL.</summary>
    public static ImapNil Instance { get; } = new();

    /// <inheritdoc/>
    public override void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append("NIL");
    }
}
