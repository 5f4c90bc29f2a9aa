namespace Posta.Imap.Protocol.Commands;

/// <summary>ALL.</summary>
public sealed record AllKey : SearchKey
{
    /// <summary>The one instance.</summary>
    public static AllKey Instance { get; } = new();
}
