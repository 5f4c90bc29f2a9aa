namespace Posta.Imap.Protocol.Commands;

/// <summary>ID (field value ...) or ID NIL (RFC 2971).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Parameters">Field/value pairs in order (a value may be NIL: null); null for ID NIL.</param>
public sealed record IdCommand(string Tag, IReadOnlyList<KeyValuePair<string, string?>>? Parameters) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Id;
}
