namespace Posta.Storage;

/// <summary>
/// The operation would take the user over quota; nothing was written (IMAP NO [OVERQUOTA], RFC 9208;
/// SMTP 552 5.2.2).
/// </summary>
/// <param name="userId">The user.</param>
/// <param name="usedBytes">Bytes in use before the operation.</param>
/// <param name="requestedBytes">Bytes the operation would add.</param>
/// <param name="limitBytes">The limit.</param>
public sealed class QuotaExceededException(long userId, long usedBytes, long requestedBytes, long limitBytes)
    : StorageException($"User {userId} is over quota: {usedBytes} bytes used, {requestedBytes} more requested, limit {limitBytes}.")
{
    /// <summary>The user.</summary>
    public long UserId { get; } = userId;

    /// <summary>Bytes in use before the operation.</summary>
    public long UsedBytes { get; } = usedBytes;

    /// <summary>Bytes the operation would add.</summary>
    public long RequestedBytes { get; } = requestedBytes;

    /// <summary>The limit.</summary>
    public long LimitBytes { get; } = limitBytes;
}
