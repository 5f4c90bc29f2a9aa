namespace Posta.Imap.Protocol.Commands;

/// <summary>GETQUOTA root, or SETQUOTA root (resource limit ...) (RFC 9208 §4.1-4.2).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Verb">GetQuota or SetQuota.</param>
/// <param name="Root">The quota root, decoded.</param>
/// <param name="Limits">SETQUOTA's resource/limit pairs; empty for GETQUOTA.</param>
public sealed record QuotaCommand(string Tag, ImapCommandKind Verb, string Root, IReadOnlyList<KeyValuePair<string, ulong>> Limits) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => Verb;
}
