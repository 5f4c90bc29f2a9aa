namespace Posta.Imap.Protocol.Commands;

/// <summary>EMAILID id / THREADID id (RFC 8474 §6).</summary>
/// <param name="Thread">THREADID rather than EMAILID.</param>
/// <param name="Id">The object id.</param>
public sealed record ObjectIdKey(bool Thread, string Id) : SearchKey;
