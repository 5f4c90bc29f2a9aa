using System.Globalization;
using System.Text;

namespace Posta.Mime.Imap;

/// <summary>A number (RFC 9051 number64 range).</summary>
public sealed class ImapNumber(long value) : ImapValue
{
    /// <summary>The value.</summary>
    public long Value { get; } = value;

    /// <inheritdoc/>
    public override void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append(Value.ToString(CultureInfo.InvariantCulture));
    }
}
