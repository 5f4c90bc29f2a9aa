namespace Posta.Imap.Protocol.Commands;

/// <summary>YOUNGER n / OLDER n (RFC 5032 WITHIN): internal date within, or before, the last n seconds.</summary>
/// <param name="Younger">YOUNGER rather than OLDER.</param>
/// <param name="Seconds">The interval in seconds.</param>
public sealed record AgeKey(bool Younger, long Seconds) : SearchKey;
