namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// RFC 3030 §2: <c>"BDAT" SP chunk-size [ SP end-marker ] CRLF</c>. Exactly
/// <paramref name="ChunkSize"/> octets of content follow the line, pipelined: the session must
/// read (or discard) them even when it refuses the command, or it loses sync.
/// </summary>
/// <param name="ChunkSize">The number of octets that follow.</param>
/// <param name="Last">True when the command carries LAST: the message is complete after this chunk.</param>
public sealed record BdatCommand(long ChunkSize, bool Last) : SmtpCommand(SmtpVerb.Bdat);
