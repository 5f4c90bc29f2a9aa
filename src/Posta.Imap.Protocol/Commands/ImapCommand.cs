namespace Posta.Imap.Protocol.Commands;

/// <summary>A parsed client command. Every command carries its tag for the tagged reply.</summary>
/// <param name="Tag">The client's tag (RFC 9051 §2.2.1).</param>
public abstract record ImapCommand(string Tag)
{
    /// <summary>The verb, for the session's state table.</summary>
    public abstract ImapCommandKind Kind { get; }
}
