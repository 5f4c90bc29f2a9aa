namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A literal the client announced: <c>{n}</c>, <c>{n+}</c> (RFC 7888 LITERAL+ / LITERAL-) or
/// <c>~{n}</c> (RFC 3516 literal8). The session checks <see cref="Length"/> against its limit before it
/// sends a continuation request, and sends none for a non-synchronizing literal.
/// </summary>
/// <param name="Length">The announced number of octets.</param>
/// <param name="NonSynchronizing">The client sends the octets without waiting for "+".</param>
/// <param name="Binary">A literal8: the octets may contain NUL.</param>
public readonly record struct LiteralRequest(long Length, bool NonSynchronizing, bool Binary);
