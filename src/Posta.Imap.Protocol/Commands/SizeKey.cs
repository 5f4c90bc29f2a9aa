namespace Posta.Imap.Protocol.Commands;

/// <summary>LARGER n / SMALLER n (RFC822.SIZE).</summary>
/// <param name="Larger">LARGER rather than SMALLER.</param>
/// <param name="Size">The size in octets.</param>
public sealed record SizeKey(bool Larger, long Size) : SearchKey;
