namespace Posta.Imap.Protocol.Commands;

/// <summary>SAVEDATESUPPORTED (RFC 8514 §4.3).</summary>
public sealed record SaveDateSupportedKey : SearchKey
{
    /// <summary>The one instance.</summary>
    public static SaveDateSupportedKey Instance { get; } = new();
}
