namespace Posta.Imap.Protocol.Commands;

/// <summary>LOGIN userid password (RFC 9051 §6.2.3). Never log <see cref="Password"/>.</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="UserName">The user name, decoded as UTF-8.</param>
/// <param name="Password">The password, decoded as UTF-8.</param>
public sealed record LoginCommand(string Tag, string UserName, string Password) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Login;

    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"{Tag} LOGIN {UserName} <password>";
}
