using System.Text;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// RFC 4954 §4: <c>"AUTH" SP sasl-mech [SP initial-response] CRLF</c>. The initial response is
/// base64-decoded; "=" stands for an empty response. <see cref="ToString"/> never shows the
/// response: it holds credentials.
/// </summary>
/// <param name="Mechanism">The SASL mechanism name, upper-cased (RFC 4422 §3.1).</param>
/// <param name="InitialResponse">The decoded initial response, or null when the client sent none.</param>
public sealed record AuthCommand(string Mechanism, ReadOnlyMemory<byte>? InitialResponse) : SmtpCommand(SmtpVerb.Auth)
{
    /// <summary>Writes the mechanism and the response's length, never its bytes.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (base.PrintMembers(builder))
        {
            builder.Append(", ");
        }

        builder.Append("Mechanism = ").Append(Mechanism).Append(", InitialResponse = ");
        builder.Append(InitialResponse is { } response ? $"<{response.Length} octets>" : "none");
        return true;
    }
}
