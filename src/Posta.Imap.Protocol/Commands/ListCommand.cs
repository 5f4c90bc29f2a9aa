namespace Posta.Imap.Protocol.Commands;

/// <summary>LIST (basic or extended, RFC 9051 §6.3.9, RFC 5258, RFC 5819 LIST-STATUS) and LSUB.</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Selection">Selection options; None for a basic LIST.</param>
/// <param name="Reference">The reference name, decoded.</param>
/// <param name="Patterns">One or more patterns, decoded, with their % and * wildcards.</param>
/// <param name="Return">Return options other than STATUS.</param>
/// <param name="StatusItems">The RETURN (STATUS (...)) items, or null.</param>
/// <param name="IsLsub">True for LSUB (then no options are present).</param>
public sealed record ListCommand(
    string Tag,
    ListSelection Selection,
    string Reference,
    IReadOnlyList<string> Patterns,
    ListReturn Return,
    IReadOnlyList<StatusItem>? StatusItems,
    bool IsLsub) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => IsLsub ? ImapCommandKind.Lsub : ImapCommandKind.List;
}
