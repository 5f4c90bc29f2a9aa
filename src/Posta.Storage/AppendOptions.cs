namespace Posta.Storage;

/// <summary>Flags, keywords and internal date for a message being appended.</summary>
public sealed record AppendOptions
{
    /// <summary>System flags to set.</summary>
    public MessageFlags Flags { get; init; }

    /// <summary>Keywords to set (IMAP atoms).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>INTERNALDATE; the current time when null.</summary>
    public DateTimeOffset? InternalDate { get; init; }
}
