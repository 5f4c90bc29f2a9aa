namespace Posta.Imap.Protocol.Commands;

/// <summary>AUTHENTICATE mechanism [initial-response] (RFC 9051 §6.2.2, RFC 4959).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mechanism">The SASL mechanism name, upper-cased.</param>
/// <param name="InitialResponse">
/// The SASL-IR initial response as sent (base64 text, or "=" for an empty response); null when absent.
/// </param>
public sealed record AuthenticateCommand(string Tag, string Mechanism, string? InitialResponse) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Authenticate;
}
