namespace Posta.Storage;

/// <summary>A user's storage use (RFC 9208 STORAGE and MESSAGE resources).</summary>
/// <param name="UsedBytes">Sum of the sizes of the user's messages (every copy counts).</param>
/// <param name="MessageCount">Number of the user's messages.</param>
/// <param name="LimitBytes">The limit in force, or null for none.</param>
public sealed record QuotaUsage(long UsedBytes, long MessageCount, long? LimitBytes);
